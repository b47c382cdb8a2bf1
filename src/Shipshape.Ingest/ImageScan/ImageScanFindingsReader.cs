using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.ImageScan;

/// <summary>
/// Reads saved image-scan results by their content: <c>aws ecr describe-image-scan-findings</c> output
/// (imageScanFindings.findings[] of basic scanning: name, severity, package_name and package_version attributes;
/// imageScanFindings.enhancedFindings[] of enhanced scanning) and Amazon Inspector findings (<c>aws inspector2
/// list-findings</c>: findings[] of type PACKAGE_VULNERABILITY). One vulnerability per package of each finding.
/// </summary>
public sealed class ImageScanFindingsReader : IDocumentReader
{
    public const string SourceFormatName = "image-scan-findings";

    private const StringComparison Cmp = StringComparison.Ordinal;

    public string Format => SourceFormatName;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m && (m.Get("imageScanFindings", Cmp) is MappingNode
            || (m.Get("findings", Cmp) is SequenceNode findings && findings.Items.OfType<MappingNode>().Any(f => f.Get("packageVulnerabilityDetails", Cmp) is MappingNode)));

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var top = (MappingNode)root;
        var vulnerabilities = ImmutableArray.CreateBuilder<ImageVulnerability>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string? image;
        if (top.Get("imageScanFindings", Cmp) is MappingNode scan)
        {
            image = EcrImage(Str(top, "repositoryName"), top.Get("imageId", Cmp) as MappingNode);
            if (Str(top.Get("imageScanStatus", Cmp), "status") is { } status && status != "COMPLETE")
            {
                diagnostics.Add(Diagnostic.Partial(top.Span, $"the image scan's status is {status}, not COMPLETE: its findings may be missing or partial"));
            }

            foreach (var finding in Items(scan.Get("findings", Cmp)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attributes = Items(finding.Get("attributes", Cmp)).Where(a => Str(a, "key") is not null).GroupBy(a => Str(a, "key")!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => Str(g.First(), "value"), StringComparer.Ordinal);
                if (Str(finding, "name") is { } id)
                {
                    vulnerabilities.Add(new ImageVulnerability(id, attributes.GetValueOrDefault("package_name") ?? "unknown package", attributes.GetValueOrDefault("package_version"),
                        null, Str(finding, "severity") ?? "UNDEFINED", finding.Span));
                }
            }

            AddEnhanced(Items(scan.Get("enhancedFindings", Cmp)), vulnerabilities, cancellationToken);
        }
        else
        {
            var findings = Items(top.Get("findings", Cmp)).Where(f => Str(f, "type") is null or "PACKAGE_VULNERABILITY").ToList();
            image = findings.Select(f => InspectorImage(f)).FirstOrDefault(i => i is not null);
            AddEnhanced(findings, vulnerabilities, cancellationToken);
        }

        var resource = new ImageScanResult
        {
            Address = image ?? System.IO.Path.GetFileName(path),
            Kind = "image-scan-findings",
            Span = top.Span,
            SourceFormat = Format,
            Vulnerabilities = vulnerabilities.ToImmutable(),
        };
        return new IngestResult([resource], diagnostics.ToImmutable());
    }

    /// <summary>Enhanced scanning and Inspector share the finding shape: packageVulnerabilityDetails.vulnerablePackages[] and the finding's severity.</summary>
    private static void AddEnhanced(IEnumerable<MappingNode> findings, ImmutableArray<ImageVulnerability>.Builder vulnerabilities, CancellationToken cancellationToken)
    {
        foreach (var finding in findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var details = finding.Get("packageVulnerabilityDetails", Cmp);
            if (Str(details, "vulnerabilityId") is not { } id)
            {
                continue;
            }

            var severity = Str(finding, "severity") ?? Str(details, "vendorSeverity") ?? "UNDEFINED";
            var packages = Items((details as MappingNode)?.Get("vulnerablePackages", Cmp)).ToList();
            if (packages.Count == 0)
            {
                vulnerabilities.Add(new ImageVulnerability(id, "unknown package", null, null, severity, finding.Span));
            }

            foreach (var package in packages)
            {
                var version = Str(package, "version");
                var release = Str(package, "release");
                var installed = version is null ? null : release is { Length: > 0 } ? $"{version}-{release}" : version;
                vulnerabilities.Add(new ImageVulnerability(id, Str(package, "name") ?? "unknown package", installed, Str(package, "fixedInVersion") is { Length: > 0 } fix && fix != "NotAvailable" ? fix : null,
                    severity, finding.Span));
            }
        }
    }

    private static string? EcrImage(string? repository, MappingNode? imageId)
    {
        if (repository is null)
        {
            return null;
        }

        return Str(imageId, "imageTag") is { } tag ? $"{repository}:{tag}" : Str(imageId, "imageDigest") is { } digest ? $"{repository}@{digest}" : repository;
    }

    private static string? InspectorImage(MappingNode finding)
    {
        foreach (var resource in Items(finding.Get("resources", Cmp)))
        {
            var details = (resource.Get("details", Cmp) as MappingNode)?.Get("awsEcrContainerImage", Cmp) as MappingNode;
            if (details is not null && Str(details, "repositoryName") is { } repository)
            {
                var tag = (details.Get("imageTags", Cmp) as SequenceNode)?.Items.OfType<ScalarNode>().Select(s => s.Text).FirstOrDefault();
                return tag is not null ? $"{repository}:{tag}" : Str(details, "imageHash") is { } hash ? $"{repository}@{hash}" : repository;
            }
        }

        return null;
    }

    private static IEnumerable<MappingNode> Items(SyntaxNode? node) => node is SequenceNode sequence ? sequence.Items.OfType<MappingNode>() : [];

    private static string? Str(SyntaxNode? node, string key) =>
        node is MappingNode m && m.Get(key, Cmp) is ScalarNode { IsNull: false } s && s.Text.Length > 0 ? s.Text : null;
}
