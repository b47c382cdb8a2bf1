using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// A Terraform plan as JSON (terraform show -json plan.out), recognised by format_version and planned_values.
/// planned_values (root_module and child_modules, recursively) holds every resource's planned attributes,
/// fully resolved; attributes only known after apply (resource_changes[].change.after_unknown) are Unresolved.
/// Resources that appear only in resource_changes are read from change.after.
/// </summary>
public sealed class TerraformPlanReader : IDocumentReader
{
    public const string SourceFormat = "terraform-plan";

    private readonly TerraformTaskDefinitionMapper _taskDefinitions = new();

    public string Format => SourceFormat;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m && m.Get("format_version") is ScalarNode && m.Get("planned_values") is MappingNode;

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var plan = (MappingNode)root;
        var changes = new Dictionary<string, MappingNode>(StringComparer.Ordinal);
        var changeModules = new Dictionary<string, string>(StringComparer.Ordinal);
        if (plan.Get("resource_changes") is SequenceNode changeList)
        {
            foreach (var change in changeList.Items.OfType<MappingNode>())
            {
                if (change.Get("address") is ScalarNode address && change.Get("change") is MappingNode body)
                {
                    changes[address.Text] = body;
                if (change.Get("module_address") is ScalarNode moduleAddress)
                {
                    changeModules[address.Text] = moduleAddress.Text;
                }
                }
            }
        }

        var planned = new List<(string Address, string Type, MappingNode Values, SourceSpan Span, ImmutableArray<ModuleCall> Calls)>();
        if (plan.Get("planned_values") is MappingNode values && values.Get("root_module") is MappingNode rootModule)
        {
            Collect(rootModule, [], planned, 0);
        }

        var seen = planned.Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        foreach (var (address, change) in changes)
        {
            if (!seen.Contains(address) && change.Get("after") is MappingNode after
                && plan.Get("resource_changes") is SequenceNode list
                && list.Items.OfType<MappingNode>().FirstOrDefault(c => (c.Get("address") as ScalarNode)?.Text == address) is { } entry
                && entry.Get("type") is ScalarNode type && entry.Get("mode") is not ScalarNode { Text: "data" })
            {
                planned.Add((address, type.Text, after, entry.Span, changeModules.TryGetValue(address, out var moduleAddress) ? Calls(moduleAddress) : []));
            }
        }

        var resources = new List<Resource>();
        var attachments = new List<(string, string, MappingNode, SourceSpan)>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        // The plan does not say where its root module is; it is planned in it, so the plan's directory stands for it.
        var slash = path.LastIndexOf('/');
        var rootDirectory = slash < 0 ? "." : path[..slash];
        foreach (var (address, type, attributes, span, calls) in planned)
        {
            var chain = calls.IsEmpty ? null : new ModuleChain(rootDirectory, calls);
            if (type is not (TerraformTaskDefinitionMapper.ResourceType or TerraformTaskDefinitionMapper.BatchResourceType) && !TerraformAdapters.Handles(type))
            {
                continue;
            }

            var withUnknowns = changes.TryGetValue(address, out var change) && change.Get("after_unknown") is MappingNode unknown
                ? MarkUnknown(attributes, unknown)
                : attributes;
            if (TerraformAdapters.IsAttachment(type))
            {
                attachments.Add((type, address, withUnknowns, span));
            }
            else if (type == TerraformTaskDefinitionMapper.BatchResourceType)
            {
                resources.Add(_taskDefinitions.MapBatch(address, withUnknowns, SourceFormat, span, diagnostics) with { Module = chain });
            }
            else if (type == TerraformTaskDefinitionMapper.ResourceType)
            {
                resources.Add(_taskDefinitions.Map(address, withUnknowns, SourceFormat, span, diagnostics) with { Module = chain });
            }
            else
            {
                resources.AddRange(TerraformAdapters.Adapt(address, type, withUnknowns, SourceFormat, span).Select(r => r with { Module = chain }));
            }
        }

        return new IngestResult(TerraformAdapters.Link(resources, attachments, SourceFormat), diagnostics.ToImmutable());
    }

    private static void Collect(MappingNode module, ImmutableArray<ModuleCall> calls, List<(string, string, MappingNode, SourceSpan, ImmutableArray<ModuleCall>)> into, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (module.Get("resources") is SequenceNode resources)
        {
            foreach (var resource in resources.Items.OfType<MappingNode>())
            {
                if (resource.Get("mode") is ScalarNode { Text: "data" })
                {
                    continue;
                }

                if (resource.Get("address") is ScalarNode address && resource.Get("type") is ScalarNode type && resource.Get("values") is MappingNode values)
                {
                    into.Add((address.Text, type.Text, values, resource.Span, calls));
                }
            }
        }

        if (module.Get("child_modules") is SequenceNode children)
        {
            foreach (var child in children.Items.OfType<MappingNode>())
            {
                // A child module's address is the whole chain (module.api.module.tasks); the plan has no caller lines.
                var inner = child.Get("address") is ScalarNode address ? calls.Add(new ModuleCall(address.Text, null)) : calls;
                Collect(child, inner, into, depth + 1);
            }
        }
    }

    /// <summary>
    /// The levels of a module instance address as the plan's resource_changes[].module_address writes it
    /// (module.api.module.tasks["a.b"] gives module.api and the whole): a new level starts at ".module." outside a key.
    /// </summary>
    internal static ImmutableArray<ModuleCall> Calls(string moduleAddress)
    {
        var levels = ImmutableArray.CreateBuilder<ModuleCall>();
        var quoted = false;
        for (var i = 0; i < moduleAddress.Length; i++)
        {
            var c = moduleAddress[i];
            if (c == '"' && (i == 0 || moduleAddress[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '.' && string.CompareOrdinal(moduleAddress, i, ".module.", 0, 8) == 0)
            {
                levels.Add(new ModuleCall(moduleAddress[..i], null));
            }
        }

        if (moduleAddress.Length > 0)
        {
            levels.Add(new ModuleCall(moduleAddress, null));
        }

        return levels.ToImmutable();
    }

    /// <summary>Replaces (or adds) the top-level attributes the plan marks as known only after apply with unknown scalars.</summary>
    private static MappingNode MarkUnknown(MappingNode values, MappingNode afterUnknown)
    {
        var unknownKeys = afterUnknown.Entries.Where(e => e.Value is ScalarNode { Text: "true" }).Select(e => e.Key).ToList();
        if (unknownKeys.Count == 0)
        {
            return values;
        }

        var names = unknownKeys.Select(k => k.Text).ToHashSet(StringComparer.Ordinal);
        var entries = values.Entries.Where(e => !names.Contains(e.Key.Text)).ToList();
        entries.AddRange(unknownKeys.Select(k => new MappingEntry(k, new ScalarNode(k.Span, "known after apply", ScalarKind.String, HclValueTree.UnknownTag))));
        return new MappingNode(values.Span, [.. entries]);
    }
}
