using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Ecs;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;
using Shipshape.Engine.Suppressions;

namespace Shipshape.Engine;

/// <summary>Turns the bytes of one input into model resources: parse once, then offer each document to every reader.</summary>
public sealed class InputReader
{
    private readonly ImmutableArray<IDocumentReader> _readers;
    private readonly ImmutableArray<IFileReader> _fileReaders;

    public InputReader(ImmutableArray<IDocumentReader> readers, ImmutableArray<IFileReader> fileReaders)
    {
        _readers = readers;
        _fileReaders = fileReaders;
    }

    /// <summary>The readers of every supported format: structured documents in the order they are tried, then other formats.</summary>
    public static InputReader CreateDefault(CloudFormationOptions? cloudFormation = null) =>
        new([new CloudFormationReader(cloudFormation), new EcsTaskDefinitionReader(), new IamPolicyFileReader(), new AuthorizationDetailsReader()], []);

    /// <summary>Whether any reader takes files of this format, so the scanner knows to read the bytes.</summary>
    public bool Accepts(string path, InputFormat format) =>
        format is InputFormat.Json or InputFormat.Yaml || _fileReaders.Any(r => r.CanRead(path, format));

    internal const string TemplateNote =
        "skipped: contains template directives ({{ ... }}), such as a Helm chart template; scan the rendered output instead (helm template . > rendered.yaml)";

    internal FileOutcome Read(string path, InputFormat format, ReadOnlyMemory<byte> content)
    {
        if (format is not (InputFormat.Json or InputFormat.Yaml))
        {
            var reader = _fileReaders.FirstOrDefault(r => r.CanRead(path, format));
            if (reader is null)
            {
                return new FileOutcome(path, false, [], [], []);
            }

            var result = reader.Read(path, content);
            return new FileOutcome(path, true, result.Resources, result.Diagnostics, InlineSuppressionParser.Parse(content.Span));
        }

        if (content.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new FileOutcome(path, true, [], [], []);
        }

        var parsed = StructuredParser.Parse(path, content);
        if (parsed.Failed && content.Span.IndexOf("{{"u8) >= 0)
        {
            // Helm and other Go templates are not YAML until rendered; an error here would only be noise.
            return new FileOutcome(path, false, [], [Diagnostic.Info(SourceSpan.FileOnly(path), TemplateNote)], []);
        }

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var diagnostics = parsed.Diagnostics.ToBuilder();
        foreach (var root in parsed.Roots)
        {
            foreach (var reader in _readers)
            {
                if (reader.CanRead(root))
                {
                    var result = reader.Read(path, root);
                    resources.AddRange(result.Resources);
                    diagnostics.AddRange(result.Diagnostics);
                    break;
                }
            }
        }

        var suppressions = StructuredParser.LooksLikeJson(content.Span) ? [] : InlineSuppressionParser.Parse(content.Span);
        return new FileOutcome(path, true, resources.ToImmutable(), diagnostics.ToImmutable(), suppressions);
    }
}
