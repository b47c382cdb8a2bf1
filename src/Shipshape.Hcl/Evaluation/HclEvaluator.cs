using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Hcl.Evaluation;

/// <summary>
/// Evaluates expressions. Nothing here throws for bad input: a type error or a missing attribute is an
/// error-unknown (so try() and can() see it), an unknown operand makes the result unknown with its links.
/// </summary>
public sealed class HclEvaluator
{
    /// <summary>Deepest evaluation nesting (templatefile inside templatefile, long local chains) before giving up.</summary>
    public const int MaxDepth = 256;

    private readonly HclBudget _budget;
    private int _depth;

    public HclEvaluator(HclBudget? budget = null) => _budget = budget ?? new HclBudget();

    public HclBudget Budget => _budget;

    public HclValue Evaluate(Expression expression, IHclScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        if (!_budget.Spend())
        {
            return HclUnknown.Error("evaluation budget spent");
        }

        if (++_depth > MaxDepth)
        {
            _depth--;
            return HclUnknown.Error("evaluation nested too deeply");
        }

        try
        {
            var value = Eval(expression, scope);
            if (value is HclNumber { Value: var number } && !double.IsFinite(number))
            {
                // pow(10, 400) is infinity, which neither Terraform's numbers nor JSON can hold.
                return HclUnknown.Error("number out of range");
            }

            if (value.Size > HclBudget.MaxValueSize)
            {
                return HclUnknown.Error($"value too large (more than {HclBudget.MaxValueSize} characters or elements)");
            }

            // Only what an expression creates is charged; a reference to an existing value costs nothing.
            if (expression is TemplateExpr or FunctionCallExpr or TupleExpr or ObjectExpr or ForExpr && value.Size > 1 && !_budget.SpendSize(value.Size))
            {
                return HclUnknown.Error("evaluation budget spent (the configuration creates too much data)");
            }

            return value.Span is null ? value with { Span = expression.Span } : value;
        }
        finally
        {
            _depth--;
        }
    }

    private HclValue Eval(Expression expression, IHclScope scope)
    {
        switch (expression)
        {
            case LiteralExpr literal:
                return literal.Value;
            case TemplateExpr template:
                return Template(template, scope);
            case ParenExpr paren:
                return Evaluate(paren.Inner, scope);
            case VariableExpr variable:
                return scope.Lookup(variable.Name, null, variable.Span) ?? HclUnknown.Error($"unknown name '{variable.Name}'");
            case GetAttrExpr { Source: VariableExpr root } attr when scope.Lookup(root.Name, attr.Name, attr.Span) is { } resolved:
                return resolved;
            case GetAttrExpr attr:
                return GetAttr(Evaluate(attr.Source, scope), attr.Name);
            case IndexExpr index:
                return Index(Evaluate(index.Source, scope), Evaluate(index.Key, scope));
            case SplatExpr splat:
                return Splat(splat, scope);
            case SplatItemExpr:
                return scope.Lookup(SplatVariable, null, expression.Span) ?? HclUnknown.Plain;
            case UnaryExpr unary:
                return Unary(unary.Operator, Evaluate(unary.Operand, scope));
            case BinaryExpr binary:
                return Binary(binary, scope);
            case ConditionalExpr conditional:
                return Conditional(conditional, scope);
            case TupleExpr tuple:
                return new HclTuple([.. tuple.Items.Select(i => AtUse(Evaluate(i, scope), i))]);
            case ObjectExpr obj:
                return Object(obj, scope);
            case ForExpr forExpr:
                return For(forExpr, scope);
            case FunctionCallExpr call:
                return Call(call, scope);
            case TemplateIfExpr or TemplateForExpr:
                return TemplateText(ImmutableArray.Create(expression), scope);
            default:
                return HclUnknown.Error($"unsupported expression {expression.GetType().Name}");
        }
    }

    private const string SplatVariable = " splat";

    private HclValue Template(TemplateExpr template, IHclScope scope)
    {
        if (template.IsWrap)
        {
            return Evaluate(template.Parts[0], scope);
        }

        if (template.Parts.Length == 1 && template.Parts[0] is LiteralExpr { Value: HclString s })
        {
            return s with { Span = template.Span, TextOrigin = template.TextStart };
        }

        if (template.Parts.IsEmpty)
        {
            return new HclString(string.Empty) { Span = template.Span, TextOrigin = template.TextStart };
        }

        var text = TemplateText(template.Parts, scope);

        // A heredoc keeps its lines when interpolations add none, so JSON written in it can point at its lines.
        return template.IsHeredoc && text is HclString s2 ? s2 with { Span = template.Span, TextOrigin = template.TextStart } : text;
    }

    private HclValue TemplateText(ImmutableArray<Expression> parts, IHclScope scope)
    {
        var text = new System.Text.StringBuilder();
        var unknowns = new List<HclValue>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplateIfExpr directive:
                    var condition = Evaluate(directive.Condition, scope);
                    if (!HclConvert.TryBool(condition, out var yes))
                    {
                        unknowns.Add(condition);
                        continue;
                    }

                    var chosen = yes ? directive.Then : directive.Else;
                    if (chosen is not null)
                    {
                        Append(TemplateText(chosen.Parts, scope));
                    }

                    break;
                case TemplateForExpr loop:
                    var collection = Evaluate(loop.Collection, scope);
                    var elements = HclConvert.Elements(collection, out var unknownCollection);
                    foreach (var (key, value) in elements)
                    {
                        var inner = Bind(scope, loop.KeyVariable, key, loop.ValueVariable, value);
                        Append(TemplateText(loop.Body.Parts, inner));
                    }

                    if (unknownCollection is not null)
                    {
                        unknowns.Add(unknownCollection);
                    }

                    break;
                default:
                    Append(Evaluate(part, scope));
                    break;
            }
        }

        return unknowns.Count > 0 ? HclUnknown.Merge(unknowns) with { IsError = unknowns.OfType<HclUnknown>().Any(u => u.IsError) } : new HclString(text.ToString());

        void Append(HclValue value)
        {
            if (HclConvert.TryString(value, out var s))
            {
                if (text.Length + (long)s.Length > HclBudget.MaxValueSize)
                {
                    unknowns.Add(HclUnknown.Error($"template result too large (more than {HclBudget.MaxValueSize} characters)"));
                    return;
                }

                text.Append(s);
            }
            else
            {
                unknowns.Add(value is HclUnknown ? value : HclUnknown.Error("a template cannot include a collection or null"));
            }
        }
    }

    /// <summary>An element written as a reference (var.image) is placed where it is used, not where its value was written.</summary>
    private static HclValue AtUse(HclValue value, Expression expression) =>
        expression is VariableExpr or GetAttrExpr or IndexExpr or ConditionalExpr or FunctionCallExpr or ParenExpr ? value with { Span = expression.Span } : value;

    private static HclScope Bind(IHclScope scope, string? keyName, HclValue key, string valueName, HclValue value)
    {
        var names = ImmutableDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        if (keyName is not null)
        {
            names[keyName] = key;
        }

        names[valueName] = value;
        return new HclScope(names.ToImmutable(), scope);
    }

    public static HclValue GetAttr(HclValue source, string name) => source switch
    {
        HclUnknown u => u.JsonSource is null ? u : u with { JsonSource = null },
        HclObject o => o.Get(name) ?? HclUnknown.Error($"no attribute '{name}'"),
        _ => HclUnknown.Error($"cannot read attribute '{name}' of {HclConvert.TypeName(source)}"),
    };

    public static HclValue Index(HclValue source, HclValue key)
    {
        if (source is HclUnknown u)
        {
            return u with { JsonSource = null };
        }

        if (key is HclUnknown)
        {
            return key;
        }

        switch (source)
        {
            case HclTuple tuple when HclConvert.TryNumber(key, out var n):
                var i = (int)n;
                return i >= 0 && i < tuple.Items.Length && i == n ? tuple.Items[i] : HclUnknown.Error("index out of range");
            case HclObject obj when HclConvert.TryString(key, out var k):
                return obj.Get(k) ?? HclUnknown.Error($"no key '{k}'");
            default:
                return HclUnknown.Error($"cannot index {HclConvert.TypeName(source)}");
        }
    }

    private HclValue Splat(SplatExpr splat, IHclScope scope)
    {
        var source = Evaluate(splat.Source, scope);
        if (source is HclUnknown)
        {
            return source;
        }

        var items = source switch
        {
            HclNull => [],
            HclTuple t => t.Items,
            _ => ImmutableArray.Create(source),
        };
        var results = ImmutableArray.CreateBuilder<HclValue>();
        foreach (var item in items)
        {
            results.Add(Evaluate(splat.Each, new HclScope(ImmutableDictionary<string, HclValue>.Empty.Add(SplatVariable, item), scope)));
        }

        return new HclTuple(results.ToImmutable());
    }

    private static HclValue Unary(string op, HclValue operand)
    {
        if (operand is HclUnknown)
        {
            return operand;
        }

        if (op == "!")
        {
            return HclConvert.TryBool(operand, out var b) ? HclValue.Of(!b) : HclUnknown.Error("'!' needs a bool");
        }

        return HclConvert.TryNumber(operand, out var n) ? HclValue.Of(-n) : HclUnknown.Error("'-' needs a number");
    }

    private HclValue Binary(BinaryExpr binary, IHclScope scope)
    {
        var left = Evaluate(binary.Left, scope);
        if (binary.Operator is "&&" or "||")
        {
            var isAnd = binary.Operator == "&&";
            if (HclConvert.TryBool(left, out var l) && l != isAnd)
            {
                return HclValue.Of(l);
            }

            var right = Evaluate(binary.Right, scope);
            if (HclConvert.TryBool(right, out var r))
            {
                if (left is HclUnknown)
                {
                    return r != isAnd ? HclValue.Of(r) : left;
                }

                return HclValue.Of(r);
            }

            return right is HclUnknown ? HclUnknown.Merge([left, right]) : HclUnknown.Error("logical operators need bools");
        }

        var rightValue = Evaluate(binary.Right, scope);

        // A reference that is unknown until apply is taken as not null, so "if v != null" filters keep it
        // (its value stays unknown) instead of making the whole collection unknown.
        if (binary.Operator is "==" or "!=" && ((left is HclUnknown { IsError: false } && rightValue is HclNull) || (rightValue is HclUnknown { IsError: false } && left is HclNull)))
        {
            return HclValue.Of(binary.Operator == "!=");
        }

        if (left is HclUnknown || rightValue is HclUnknown)
        {
            var merged = HclUnknown.Merge([left, rightValue]);
            return left is HclUnknown { IsError: true } || rightValue is HclUnknown { IsError: true } ? merged with { IsError = true } : merged;
        }

        switch (binary.Operator)
        {
            case "==":
                return HclValue.Of(HclConvert.Equal(left, rightValue));
            case "!=":
                return HclValue.Of(!HclConvert.Equal(left, rightValue));
        }

        if (!HclConvert.TryNumber(left, out var a) || !HclConvert.TryNumber(rightValue, out var b))
        {
            return HclUnknown.Error($"'{binary.Operator}' needs numbers");
        }

        return binary.Operator switch
        {
            "+" => HclValue.Of(a + b),
            "-" => HclValue.Of(a - b),
            "*" => HclValue.Of(a * b),
            "/" => b == 0 ? HclUnknown.Error("division by zero") : HclValue.Of(a / b),
            "%" => b == 0 ? HclUnknown.Error("division by zero") : HclValue.Of(a % b),
            "<" => HclValue.Of(a < b),
            "<=" => HclValue.Of(a <= b),
            ">" => HclValue.Of(a > b),
            ">=" => HclValue.Of(a >= b),
            _ => HclUnknown.Error($"unknown operator '{binary.Operator}'"),
        };
    }

    private HclValue Conditional(ConditionalExpr conditional, IHclScope scope)
    {
        var condition = Evaluate(conditional.Condition, scope);
        if (HclConvert.TryBool(condition, out var yes))
        {
            return Evaluate(yes ? conditional.TrueResult : conditional.FalseResult, scope);
        }

        return condition is HclUnknown ? condition : HclUnknown.Error("the condition is not a bool");
    }

    private HclValue Object(ObjectExpr obj, IHclScope scope)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        var unknownKeys = new List<HclValue>();
        foreach (var item in obj.Items)
        {
            var key = Evaluate(item.Key, scope);
            if (!HclConvert.TryString(key, out var name))
            {
                unknownKeys.Add(key is HclUnknown ? key : HclUnknown.Error("an object key must be a string"));
                continue;
            }

            builder[name] = AtUse(Evaluate(item.Value, scope), item.Value);
        }

        return unknownKeys.Count > 0 ? HclUnknown.Merge(unknownKeys) : new HclObject(builder.ToImmutable());
    }

    private HclValue For(ForExpr expr, IHclScope scope)
    {
        var collection = Evaluate(expr.Collection, scope);
        var elements = HclConvert.Elements(collection, out var unknown);
        if (unknown is not null)
        {
            return unknown;
        }

        var tuple = ImmutableArray.CreateBuilder<HclValue>();
        var groups = new SortedDictionary<string, List<HclValue>>(StringComparer.Ordinal);
        foreach (var (key, value) in elements)
        {
            var inner = Bind(scope, expr.KeyVariable, key, expr.ValueVariable, value);
            if (expr.Condition is not null)
            {
                var keep = Evaluate(expr.Condition, inner);
                if (!HclConvert.TryBool(keep, out var yes))
                {
                    return keep is HclUnknown ? keep : HclUnknown.Error("the for condition is not a bool");
                }

                if (!yes)
                {
                    continue;
                }
            }

            if (expr.KeyResult is null)
            {
                tuple.Add(Evaluate(expr.ValueResult, inner));
                continue;
            }

            var resultKey = Evaluate(expr.KeyResult, inner);
            if (!HclConvert.TryString(resultKey, out var name))
            {
                return resultKey is HclUnknown ? resultKey : HclUnknown.Error("a for key must be a string");
            }

            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
            }
            else if (!expr.Grouping)
            {
                return HclUnknown.Error($"duplicate key '{name}' in the for expression (use '...' to group)");
            }

            list.Add(Evaluate(expr.ValueResult, inner));
        }

        if (expr.KeyResult is null)
        {
            return new HclTuple(tuple.ToImmutable());
        }

        return HclObject.From(groups.Select(g => new KeyValuePair<string, HclValue>(
            g.Key, expr.Grouping ? new HclTuple([.. g.Value]) : g.Value[0])));
    }

    private HclValue Call(FunctionCallExpr call, IHclScope scope)
    {
        switch (call.Name)
        {
            case "try":
                HclValue? last = null;
                foreach (var argument in call.Arguments)
                {
                    var value = Evaluate(argument, scope);
                    if (value is not HclUnknown { IsError: true })
                    {
                        return value;
                    }

                    last = value;
                }

                return last ?? HclUnknown.Error("try() needs arguments");
            case "can":
                if (call.Arguments.Length != 1)
                {
                    return HclUnknown.Error("can() takes one argument");
                }

                var tested = Evaluate(call.Arguments[0], scope);
                return tested switch
                {
                    HclUnknown { IsError: true } => HclValue.False,
                    HclUnknown u => u,
                    _ => HclValue.True,
                };
        }

        var args = ImmutableArray.CreateBuilder<HclValue>();
        foreach (var argument in call.Arguments)
        {
            args.Add(Evaluate(argument, scope));
        }

        if (call.ExpandFinal && args.Count > 0)
        {
            var final = args[^1];
            args.RemoveAt(args.Count - 1);
            switch (final)
            {
                case HclTuple t:
                    args.AddRange(t.Items);
                    break;
                case HclUnknown:
                    return final;
                default:
                    return HclUnknown.Error("'...' needs a list");
            }
        }

        return HclFunctions.Call(call.Name, args.ToImmutable(), new HclCallContext(this, scope, call.Span));
    }
}
