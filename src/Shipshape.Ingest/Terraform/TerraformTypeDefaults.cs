using System.Collections.Immutable;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Applies a variable's type constraint the way Terraform does for optional object attributes:
/// optional(T, default) fills in the default, optional(T) a null, through list, set, map, object and tuple types.
/// Primitive conversions are left out (the model reads strings, numbers and bools alike).
/// </summary>
public static class TerraformTypeDefaults
{
    public static HclValue Apply(Expression? type, HclValue value, HclEvaluator evaluator, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        if (type is null || depth > 32 || value is HclUnknown or HclNull)
        {
            return value;
        }

        switch (type)
        {
            case FunctionCallExpr { Name: "list" or "set", Arguments: [var element] } when value is HclTuple tuple:
                return tuple with { Items = [.. tuple.Items.Select(i => Apply(element, i, evaluator, depth + 1))] };
            case FunctionCallExpr { Name: "map", Arguments: [var element] } when value is HclObject map:
                return map with { Items = map.Items.ToImmutableSortedDictionary(p => p.Key, p => Apply(element, p.Value, evaluator, depth + 1), StringComparer.Ordinal) };
            case FunctionCallExpr { Name: "tuple", Arguments: [TupleExpr elements] } when value is HclTuple tuple:
                return tuple with { Items = [.. tuple.Items.Select((v, i) => i < elements.Items.Length ? Apply(elements.Items[i], v, evaluator, depth + 1) : v)] };
            case FunctionCallExpr { Name: "object", Arguments: [ObjectExpr attributes] } when value is HclObject obj:
                var items = obj.Items.ToBuilder();
                foreach (var attribute in attributes.Items)
                {
                    if (attribute.Key is not LiteralExpr { Value: HclString { Value: var name } })
                    {
                        continue;
                    }

                    var attributeType = attribute.Value;
                    Expression? defaultValue = null;
                    var optional = false;
                    if (attributeType is FunctionCallExpr { Name: "optional" } opt && opt.Arguments.Length >= 1)
                    {
                        optional = true;
                        attributeType = opt.Arguments[0];
                        defaultValue = opt.Arguments.Length > 1 ? opt.Arguments[1] : null;
                    }

                    if (items.TryGetValue(name, out var present) && present is not HclNull)
                    {
                        items[name] = Apply(attributeType, present, evaluator, depth + 1);
                    }
                    else if (optional)
                    {
                        items[name] = defaultValue is null ? HclValue.Null : Apply(attributeType, evaluator.Evaluate(defaultValue, HclScope.Empty), evaluator, depth + 1);
                    }
                }

                return obj with { Items = items.ToImmutable() };
            default:
                return value;
        }
    }
}
