using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Rules;

namespace Shipshape.Engine;

/// <summary>The scanners --scanners selects: each rule belongs to one.</summary>
public static class ScannerNames
{
    public const string Misconfig = "misconfig";
    public const string Iam = "iam";
    public const string Secrets = "secrets";
    public const string Image = "image";

    public static ImmutableArray<string> All { get; } = [Misconfig, Iam, Secrets, Image];

    /// <summary>
    /// Whether the selected scanners run a rule: its own scanner is selected, or image is and the rule reads images
    /// (root user, health check, secrets in layers: one rule per concept, whichever source it comes from).
    /// </summary>
    public static bool Selects(ImmutableArray<string> scanners, IRule rule, RuleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return scanners.IsEmpty || scanners.Contains(Of(rule, metadata), StringComparer.OrdinalIgnoreCase)
            || (scanners.Contains(Image, StringComparer.OrdinalIgnoreCase) && metadata.Sources.Contains(RuleExampleSources.ContainerImage, StringComparer.Ordinal));
    }

    /// <summary>Whether image inputs are read: no scanner list, or one naming image.</summary>
    public static bool ReadsImages(ImmutableArray<string> scanners) => scanners.IsEmpty || scanners.Contains(Image, StringComparer.OrdinalIgnoreCase);

    /// <summary>The scanner a rule belongs to: content rules to secrets, IAM rules to iam, rules only about images to image, the rest to misconfig.</summary>
    public static string Of(IRule rule, RuleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return rule is IContentRule ? Secrets
            : metadata.Practice == Practice.Iam ? Iam
            : metadata.Sources is [RuleExampleSources.ContainerImage] ? Image
            : Misconfig;
    }
}
