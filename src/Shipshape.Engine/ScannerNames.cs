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

    /// <summary>The scanner a rule belongs to: content rules to secrets, IAM rules to iam, the rest to misconfig.</summary>
    public static string Of(IRule rule, RuleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return rule is IContentRule ? Secrets : metadata.Practice == Practice.Iam ? Iam : Misconfig;
    }
}
