using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Ecs;

/// <summary>
/// Reads ECS task definitions in every shape users keep them, JSON or YAML: the output of
/// <c>aws ecs describe-task-definition</c> ({"taskDefinition": {...}}), the input of
/// <c>register-task-definition --cli-input-json</c>, a bare task definition, and a list of any of these.
/// </summary>
public sealed class EcsTaskDefinitionReader : IDocumentReader
{
    public const string ResourceKind = "AWS::ECS::TaskDefinition";
    private const StringComparison Cmp = StringComparison.Ordinal;
    private readonly EcsTaskDefinitionAdapter _adapter = new();

    public string Format => "ecs-task-definition";

    /// <summary>Parses a file (JSON, or YAML when it does not start like JSON) and reads the task definitions in it.</summary>
    public static IngestResult Read(string relativePath, ReadOnlyMemory<byte> content)
    {
        var parsed = StructuredParser.Parse(relativePath, content);
        var reader = new EcsTaskDefinitionReader();
        var resources = ImmutableArray.CreateBuilder<Resource>();
        var diagnostics = parsed.Diagnostics.ToBuilder();
        foreach (var root in parsed.Roots.Where(reader.CanRead))
        {
            var result = reader.Read(relativePath, root);
            resources.AddRange(result.Resources);
            diagnostics.AddRange(result.Diagnostics);
        }

        return new IngestResult(resources.ToImmutable(), diagnostics.ToImmutable());
    }

    public bool CanRead(SyntaxNode root) => root switch
    {
        MappingNode m => IsTaskDefinition(Unwrap(m)),
        SequenceNode s => s.Items.Length > 0 && s.Items.All(i => i is MappingNode m && IsTaskDefinition(Unwrap(m))),
        _ => false,
    };

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var definitions = root switch
        {
            MappingNode m => [Unwrap(m)],
            SequenceNode s => s.Items.OfType<MappingNode>().Select(Unwrap).ToList(),
            _ => new List<MappingNode>(),
        };

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var address = Address(path, definition);
            if (!used.Add(address))
            {
                var n = 2;
                while (!used.Add($"{address}#{n}"))
                {
                    n++;
                }

                address = $"{address}#{n}";
            }

            resources.Add(_adapter.Adapt(definition, address, ResourceKind, Format, definition.Span));
        }

        return new IngestResult(resources.ToImmutable(), []);
    }

    private static MappingNode Unwrap(MappingNode node) =>
        node.Get("taskDefinition", Cmp) is MappingNode inner && node.Get("containerDefinitions", Cmp) is null ? inner : node;

    private static bool IsTaskDefinition(MappingNode node) =>
        node.Get("containerDefinitions", Cmp) is SequenceNode
        && node.Get("AWSTemplateFormatVersion", Cmp) is null
        && node.Get("Resources", Cmp) is null;

    /// <summary>The family, with ":revision" when the file gives one (describe output); else the file name.</summary>
    private static string Address(string path, MappingNode definition)
    {
        if (definition.Get("family", Cmp) is ScalarNode { Tag: null, IsNull: false } family && family.Text.Length > 0)
        {
            return definition.Get("revision", Cmp) is ScalarNode { Tag: null, IsNull: false } revision
                ? $"{family.Text}:{revision.Text}"
                : family.Text;
        }

        var name = path.Contains('/', Cmp) ? path[(path.LastIndexOf('/') + 1)..] : path;
        return name;
    }
}
