using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Compose;
using Shipshape.Ingest.Dockerfile;
using Shipshape.Ingest.Kubernetes;
using Shipshape.Ingest.Ecs;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.ImageScan;
using Shipshape.Ingest.Syntax;
using Shipshape.Ingest.Terraform;
using Shipshape.Engine.Suppressions;

namespace Shipshape.Engine;

/// <summary>Turns the bytes of one input into model resources: parse once, then offer each document to every reader.</summary>
public sealed class InputReader
{
    private readonly ImmutableArray<IDocumentReader> _readers;
    private readonly ImmutableArray<IFileReader> _fileReaders;
    private readonly ImmutableArray<IModuleReader> _moduleReaders;

    public InputReader(ImmutableArray<IDocumentReader> readers, ImmutableArray<IFileReader> fileReaders, ImmutableArray<IModuleReader> moduleReaders = default)
    {
        _readers = readers;
        _fileReaders = fileReaders;
        _moduleReaders = moduleReaders.IsDefault ? [] : moduleReaders;
    }

    /// <summary>The readers of every supported format: structured documents in the order they are tried, then other formats, then directory-level formats (Terraform modules).</summary>
    public static InputReader CreateDefault(CloudFormationOptions? cloudFormation = null) =>
        new(
            [new CloudFormationReader(cloudFormation), new EcsTaskDefinitionReader(), new TerraformPlanReader(), new KubernetesReader(), new ComposeReader(), new IamPolicyFileReader(), new AuthorizationDetailsReader(), new ImageScanFindingsReader()],
            [new DockerfileReader()],
            [new TerraformModuleReader()]);

    /// <summary>
    /// Gives each module reader the files it claims, all at once (a Terraform module is a directory, not a file),
    /// and returns one outcome per file it read, with the resources and diagnostics located in it, plus the files
    /// left for reading one at a time.
    /// </summary>
    internal (ImmutableArray<FileOutcome> Outcomes, ImmutableArray<DiscoveredFile> Remaining) ReadModules(
        ImmutableArray<DiscoveredFile> files, ScanOptions options, CancellationToken cancellationToken)
    {
        var outcomes = ImmutableArray.CreateBuilder<FileOutcome>();
        foreach (var reader in _moduleReaders)
        {
            var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
            if (claimed.IsEmpty)
            {
                continue;
            }

            files = [.. files.Except(claimed)];
            ModuleReadResult result;
            try
            {
                result = reader.Read(new ModuleReadRequest(claimed) { VariableFiles = options.VariableFiles, Variables = options.Variables, ModuleTimeout = options.EffectiveFileTimeout }, cancellationToken);
            }
#pragma warning disable CA1031 // A bug in one reader is reported; the rest of the scan goes on.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                outcomes.Add(new FileOutcome(claimed[0].DisplayPath, false, [], [Diagnostic.Error(SourceSpan.FileOnly(claimed[0].DisplayPath), $"internal error reading {reader.Format}: {ex.GetType().Name}: {ex.Message}")], []));
                continue;
            }

            var resourcesByPath = result.Result.Resources.ToLookup(r => r.Span.Path, StringComparer.Ordinal);
            var diagnosticsByPath = result.Result.Diagnostics.ToLookup(d => d.Location.Path, StringComparer.Ordinal);
            var paths = result.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            foreach (var file in result.Files)
            {
                var suppressions = StructuredParser.LooksLikeJson(file.Content.Span) ? [] : InlineSuppressionParser.Parse(file.Content.Span);
                outcomes.Add(new FileOutcome(file.RelativePath, true, [.. resourcesByPath[file.RelativePath]], [.. diagnosticsByPath[file.RelativePath]], suppressions));
            }

            outcomes.Add(new FileOutcome(string.Empty, false,
                [.. result.Result.Resources.Where(r => !paths.Contains(r.Span.Path))],
                [.. result.Result.Diagnostics.Where(d => !paths.Contains(d.Location.Path))], []));
        }

        return (outcomes.ToImmutable(), files);
    }

    /// <summary>Whether any reader takes files of this format, so the scanner knows to read the bytes.</summary>
    public bool Accepts(string path, InputFormat format) =>
        format is InputFormat.Json or InputFormat.Yaml || _fileReaders.Any(r => r.CanRead(path, format));

    internal const string TemplateNote =
        "skipped: contains template directives ({{ ... }}), such as a Helm chart template; scan the rendered output instead (helm template . > rendered.yaml)";

    internal FileOutcome Read(string path, InputFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (format is not (InputFormat.Json or InputFormat.Yaml))
        {
            var reader = _fileReaders.FirstOrDefault(r => r.CanRead(path, format));
            if (reader is null)
            {
                return new FileOutcome(path, false, [], [], []);
            }

            var result = reader.Read(path, content, cancellationToken);
            return new FileOutcome(path, true, result.Resources, result.Diagnostics, InlineSuppressionParser.Parse(content.Span));
        }

        if (content.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new FileOutcome(path, true, [], [], []);
        }

        var parsed = StructuredParser.Parse(path, content, cancellationToken: cancellationToken);
        if (parsed.Failed && content.Span.IndexOf("{{"u8) >= 0)
        {
            // Helm and other Go templates are not YAML until rendered; an error here would only be noise, but the file is not checked.
            return new FileOutcome(path, false, [], [Diagnostic.Info(SourceSpan.FileOnly(path), TemplateNote) with { Incomplete = IncompleteKind.Skipped }], []);
        }

        var resources = ImmutableArray.CreateBuilder<Resource>();
        var diagnostics = parsed.Diagnostics.ToBuilder();
        foreach (var root in parsed.Roots)
        {
            foreach (var reader in _readers)
            {
                if (reader.CanRead(root))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = reader.Read(path, root, cancellationToken);
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
