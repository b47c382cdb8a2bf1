using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Aws;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>
/// Reads CloudFormation templates (JSON or YAML, hand-written or CDK output): evaluates intrinsic functions and
/// conditions, skips resources whose condition is false, and maps resources into the model.
/// </summary>
public sealed class CloudFormationReader : IDocumentReader
{
    private const StringComparison Cmp = StringComparison.Ordinal;
    private readonly CloudFormationOptions _options;

    public CloudFormationReader(CloudFormationOptions? options = null) => _options = options ?? CloudFormationOptions.Default;

    public string Format => CfnResource.Format;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m
        && (m.Get("AWSTemplateFormatVersion", Cmp) is not null
            || (m.Get("Resources", Cmp) is MappingNode resources && resources.Entries.Any(e =>
                e.Value is MappingNode r && r.Get("Type", Cmp) is ScalarNode t
                && (t.Text.StartsWith("AWS::", Cmp) || t.Text.StartsWith("Custom::", Cmp)))));

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var template = (MappingNode)root;
        var context = new TemplateContext(template, _options);
        var resolver = new IntrinsicResolver(context, cancellationToken);
        var resources = ImmutableArray.CreateBuilder<Resource>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var rotated = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var entry in context.Resources?.Entries ?? [])
        {
            if (entry.Key.Text.StartsWith("Fn::ForEach", Cmp))
            {
                diagnostics.Add(Diagnostic.Info(entry.Key.Span, $"'{entry.Key.Text}' (AWS::LanguageExtensions) is not expanded; the resources it generates are not checked") with { Incomplete = IncompleteKind.Partial });
                continue;
            }

            if (entry.Value is MappingNode withModule && RainModule(withModule.Get("Type", Cmp)) is { } module)
            {
                diagnostics.Add(Diagnostic.Info(entry.Key.Span, $"resource '{entry.Key.Text}' is a Rain module ({module}); package the template with rain first to check what it expands to") with { Incomplete = IncompleteKind.Partial });
                continue;
            }

            if (entry.Value is not MappingNode definition || definition.Get("Type", Cmp) is not ScalarNode { Tag: null } type)
            {
                diagnostics.Add(Diagnostic.Warning(entry.Key.Span, $"resource '{entry.Key.Text}' has no Type"));
                continue;
            }

            if (definition.Get("Condition", Cmp) is ScalarNode { Tag: null } condition && resolver.Condition(condition.Text) == false)
            {
                continue;
            }

            var span = new SourceSpan(path, entry.Key.Span.StartLine, entry.Key.Span.StartColumn, definition.Span.EndLine, definition.Span.EndColumn);
            var properties = definition.Get("Properties", Cmp) is { } raw ? resolver.Resolve(raw) as MappingNode : null;
            var reader = new PropertyReader(properties ?? new MappingNode(span, []), span, string.Empty);
            var resource = new CfnResource(entry.Key.Text, type.Text, reader, span);
            if (type.Text == "AWS::SecretsManager::RotationSchedule" && reader.String("SecretId").Reference is { } secret)
            {
                rotated[secret] = span;
            }

            var metadata = definition.Get("Metadata", Cmp) as MappingNode;
            var displayName = (metadata?.Get("aws:cdk:path", Cmp) as ScalarNode)?.Text;
            var suppressions = Suppressions(metadata);
            foreach (var adapted in CloudFormationAdapters.Adapt(resource))
            {
                resources.Add(adapted with { DisplayName = displayName, Suppressions = suppressions });
            }
        }

        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i] is SecretsManagerSecret s && rotated.TryGetValue(s.Address, out var scheduleSpan))
            {
                resources[i] = s with { Rotated = Value<bool>.Explicit(true, scheduleSpan, "RotationSchedule") };
            }
        }

        if (resolver.Exhausted)
        {
            diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), $"template not fully checked: resolving its intrinsic functions took more than {IntrinsicResolver.DefaultSteps} steps (functions that refer to each other?); the rest is unresolved"));
        }

        return new IngestResult(ListenerBuilder.WithLoadBalancerTypes(resources), diagnostics.ToImmutable());
    }

    /// <summary>The module a Rain resource type names: "!Rain::Module path" in YAML or {"Rain::Module": path} in JSON.</summary>
    private static string? RainModule(SyntaxNode? type) => type switch
    {
        ScalarNode { Tag: { } tag } s when tag.StartsWith("!Rain", Cmp) => s.Text,
        MappingNode { Entries: [var only] } when only.Key.Text.StartsWith("Rain::", Cmp) => (only.Value as ScalarNode)?.Text ?? only.Key.Text,
        _ => null,
    };

    /// <summary>
    /// Suppressions in a resource's metadata: Shipshape's own <c>{ shipshape: { ignore: [ { id, reason } ] } }</c>, and the
    /// forms other tools read, so templates need no rewrite: checkov's <c>{ checkov: { skip: [ { id, comment } ] } }</c>,
    /// cfn_nag's <c>{ cfn_nag: { rules_to_suppress: [ { id, reason } ] } }</c> and cfn-guard's <c>{ guard: { SuppressedRules: [ name ] } }</c>.
    /// </summary>
    private static ImmutableArray<ResourceSuppression> Suppressions(MappingNode? metadata)
    {
        if (metadata is null)
        {
            return [];
        }

        return [
            .. Entries(metadata, "shipshape", "ignore", "reason", "shipshape"),
            .. Entries(metadata, "checkov", "skip", "comment", "checkov"),
            .. Entries(metadata, "cfn_nag", "rules_to_suppress", "reason", "cfn_nag"),
            .. Entries(metadata, "guard", "SuppressedRules", "reason", "guard"),
        ];
    }

    private static IEnumerable<ResourceSuppression> Entries(MappingNode metadata, string tool, string listName, string reasonName, string origin)
    {
        if (metadata.Get(tool, Cmp) is not MappingNode own || own.Get(listName, Cmp) is not SequenceNode list)
        {
            return [];
        }

        var suffix = origin == "shipshape" ? string.Empty : $" ({origin} metadata)";
        return list.Items
            .Select(i => i is ScalarNode plain
                ? (Id: plain.Text, Reason: (string?)null)
                : (Id: ((i as MappingNode)?.Get("id", Cmp) as ScalarNode)?.Text, Reason: ((i as MappingNode)?.Get(reasonName, Cmp) as ScalarNode)?.Text))
            .Where(i => !string.IsNullOrWhiteSpace(i.Id))
            .Select(i => new ResourceSuppression(i.Id!, (string.IsNullOrWhiteSpace(i.Reason) ? "suppressed in template metadata" : i.Reason!) + suffix, origin));
    }
}
