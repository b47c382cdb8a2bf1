using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Compose;

/// <summary>
/// Reads compose files (the Compose Specification, and the older version 2 and 3 files, whose
/// <c>version:</c> key is now informative only): one <see cref="ComposeService"/> per service.
/// </summary>
public sealed class ComposeReader : IDocumentReader
{
    public const string FormatName = "compose";

    public string Format => FormatName;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m
        && m.Get("services") is MappingNode services
        && services.Entries.All(e => e.Value is MappingNode or ScalarNode { IsNull: true })
        && m.Get("apiVersion") is null
        && m.Get("kind") is null
        && m.Get("Resources") is null
        && m.Get("AWSTemplateFormatVersion") is null;

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var resources = ImmutableArray.CreateBuilder<Resource>();
        if (root is MappingNode m && m.Get("services") is MappingNode services)
        {
            foreach (var entry in services.Entries)
            {
                resources.Add(ComposeServiceAdapter.Adapt(entry.Key, entry.Value as MappingNode, Format));
            }
        }

        return new IngestResult(resources.ToImmutable(), []);
    }
}
