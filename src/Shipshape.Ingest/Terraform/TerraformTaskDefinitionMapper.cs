using System.Collections.Immutable;
using System.Text;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Hcl.Evaluation;
using Shipshape.Ingest.Ecs;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// aws_ecs_task_definition into the model through the ECS adapter (snake_case task-level names). The
/// container_definitions string is read back as the structure jsonencode was given (spans in the .tf file),
/// or parsed as JSON: from a heredoc (spans at its lines), a file() (spans in that file) or a plan's string.
/// </summary>
public sealed class TerraformTaskDefinitionMapper
{
    public const string ResourceType = "aws_ecs_task_definition";

    /// <summary>AWS Batch job definitions; their container_properties is one JSON object.</summary>
    public const string BatchResourceType = "aws_batch_job_definition";

    private readonly EcsTaskDefinitionAdapter _adapter = new(EcsNaming.TerraformSnake);

    // container_properties is the Batch API's ContainerProperties as JSON, camelCase throughout (volumes included).
    private readonly EcsTaskDefinitionAdapter _batchAdapter = new(EcsNaming.Camel);

    /// <summary>Maps a Batch job definition; container_properties that cannot be resolved is reported, never passed silently.</summary>
    public BatchJobDefinition MapBatch(string address, MappingNode attributes, string sourceFormat, SourceSpan span, ImmutableArray<Diagnostic>.Builder diagnostics, HclValue? containerProperties = null)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entry = attributes.Entry("container_properties");
        MappingNode? properties = null;
        if (entry is not null)
        {
            var node = containerProperties is null ? FromNode(entry.Value) : FromValue(containerProperties, entry.Value.Span, span);
            properties = node as MappingNode;
            if (properties is null)
            {
                diagnostics.Add(Diagnostic.Info(entry.Value.Span,
                    $"{address}: container_properties cannot be resolved statically to a JSON object; container checks were not run on it"));
            }
        }

        return _batchAdapter.AdaptBatch(properties, "container_properties", address, BatchResourceType, sourceFormat, span);
    }

    /// <summary>Maps the resource's attributes; a container_definitions that cannot be resolved is reported, never passed silently.</summary>
    public TaskDefinition Map(string address, MappingNode attributes, string sourceFormat, SourceSpan span, ImmutableArray<Diagnostic>.Builder diagnostics, HclValue? containerDefinitions = null)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entry = attributes.Entry("container_definitions");
        var definitions = containerDefinitions is null ? FromNode(entry?.Value) : FromValue(containerDefinitions, entry?.Value.Span ?? span, span);
        if (definitions is null)
        {
            diagnostics.Add(Diagnostic.Info(entry?.Value.Span ?? span,
                $"{address}: container_definitions cannot be resolved statically; container checks were not run on it"));
        }
        else if (definitions is not SequenceNode)
        {
            diagnostics.Add(Diagnostic.Warning(definitions.Span, $"{address}: container_definitions is not a JSON list of containers"));
        }

        var replaced = attributes.Entries.Where(e => e.Key.Text != "container_definitions").ToImmutableArray();
        if (definitions is SequenceNode && entry is not null)
        {
            replaced = replaced.Add(new MappingEntry(entry.Key, definitions));
        }

        var node = new MappingNode(attributes.Span, replaced);
        return _adapter.Adapt(node, address, ResourceType, sourceFormat, span);
    }

    private static SyntaxNode? FromValue(HclValue value, SourceSpan span, SourceSpan within) => value switch
    {
        HclString { JsonSource: { } source } => HclValueTree.Node(source, span, 0, within),
        HclUnknown { JsonSource: { } source } => HclValueTree.Node(source, span, 0, within),
        HclString s => Parse(s.Value, s.TextOrigin, s.Span ?? span),
        _ => null,
    };

    private static SyntaxNode? FromNode(SyntaxNode? node) => node switch
    {
        SequenceNode s => s,
        MappingNode m => m,
        ScalarNode { Tag: null, Kind: ScalarKind.String } s => Parse(s.Text, null, s.Span),
        _ => null,
    };

    private static SyntaxNode? Parse(string json, SourceSpan? origin, SourceSpan span)
    {
        var path = origin?.Path ?? span.Path;
        var parsed = JsonSyntaxParser.Parse(path, Encoding.UTF8.GetBytes(json));
        if (parsed.Failed || parsed.Roots.IsEmpty)
        {
            return null;
        }

        var root = parsed.Roots[0];
        if (origin is null)
        {
            return SyntaxTreeShift.Onto(root, span);
        }

        // A heredoc or a file: its lines are the JSON's lines; a quoted string holds it on one line.
        return origin.StartLine > 0 && (json.Contains('\n', StringComparison.Ordinal) || origin.Path != span.Path)
            ? SyntaxTreeShift.Lines(root, origin.StartLine - 1)
            : SyntaxTreeShift.Onto(root, span);
    }
}
