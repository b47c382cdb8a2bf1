using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Compose;

/// <summary>
/// Reads compose files (the Compose Specification, and the older version 2 and 3 files, whose
/// <c>version:</c> key is now informative only): one <see cref="ComposeService"/> per service and one
/// <see cref="ComposeNetwork"/> per network the file defines.
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

        if (root is MappingNode top && top.Get("networks") is MappingNode networks)
        {
            foreach (var entry in networks.Entries)
            {
                resources.Add(Network(entry.Key, entry.Value as MappingNode));
            }
        }

        return new IngestResult(resources.ToImmutable(), []);
    }

    /// <summary>A network of the top-level <c>networks</c>: its driver, whether driver_opts encrypts it, whether it is external.</summary>
    private ComposeNetwork Network(ScalarNode key, MappingNode? node)
    {
        var path = $"networks.{key.Text}";
        var p = new PropertyReader(node ?? new MappingNode(key.Span, []), key.Span, path);
        var external = p.Get("external") is MappingNode legacy
            ? Value<bool?>.Explicit(true, legacy.Span, p.PathOf("external"))
            : p.OptionalBool("external");
        return new ComposeNetwork
        {
            Address = path,
            Kind = "ComposeNetwork",
            Span = key.Span,
            SourceFormat = Format,
            Driver = p.String("driver"),
            // Docker's overlay driver turns encryption on when the option is there at all (docker network create --opt encrypted).
            Encrypted = p.ChildOrEmpty("driver_opts").Presence("encrypted"),
            External = external,
        };
    }
}
