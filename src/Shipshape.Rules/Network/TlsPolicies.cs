using System.Collections.Frozen;
using System.Text.RegularExpressions;
using static Shipshape.Rules.Network.TlsVersion;

namespace Shipshape.Rules.Network;

/// <summary>
/// The predefined security policies of Application and Network Load Balancers and the TLS versions each offers,
/// from "Security policies for your Application Load Balancer" and "... Network Load Balancer" in the Elastic
/// Load Balancing documentation. Names not in the table but following AWS's naming scheme
/// (ELBSecurityPolicy-TLS13-1-&lt;minor&gt;-…, ELBSecurityPolicy-TLS-1-&lt;minor&gt;-…, ELBSecurityPolicy-FS-1-&lt;minor&gt;-…)
/// are read from the name; any other name is unknown, and rules say nothing about it.
/// </summary>
public static partial class TlsPolicies
{
    /// <summary>
    /// The policy a listener gets when SslPolicy is absent and it is created through the API, the AWS CLI,
    /// CloudFormation, the CDK or Terraform (the console picks a TLS 1.3 policy instead).
    /// </summary>
    public const string ApiDefault = "ELBSecurityPolicy-2016-08";

    private static readonly FrozenDictionary<string, TlsPolicy> Known = new TlsPolicy[]
    {
        // TLS 1.3 policies (2021-06), their FIPS (2023-04) and post-quantum (2025-09) variants.
        new("ELBSecurityPolicy-TLS13-1-0-2021-06", Tls10, Tls13),
        new("ELBSecurityPolicy-TLS13-1-1-2021-06", Tls11, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-2021-06", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-3-2021-06", Tls13, Tls13),
        new("ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04", Tls10, Tls13),
        new("ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", Tls11, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", Tls13, Tls13),
        new("ELBSecurityPolicy-TLS13-1-0-PQ-2025-09", Tls10, Tls13),
        new("ELBSecurityPolicy-TLS13-1-1-PQ-2025-09", Tls11, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext0-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-3-PQ-2025-09", Tls13, Tls13),
        new("ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09", Tls10, Tls13),
        new("ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09", Tls11, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09", Tls12, Tls13),
        new("ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09", Tls13, Tls13),

        // Policies without TLS 1.3.
        new("ELBSecurityPolicy-2016-08", Tls10, Tls12),
        new("ELBSecurityPolicy-2015-05", Tls10, Tls12),
        new("ELBSecurityPolicy-TLS-1-0-2015-04", Tls10, Tls12),
        new("ELBSecurityPolicy-TLS-1-1-2017-01", Tls11, Tls12),
        new("ELBSecurityPolicy-TLS-1-2-2017-01", Tls12, Tls12),
        new("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", Tls12, Tls12),
        new("ELBSecurityPolicy-FS-2018-06", Tls10, Tls12),
        new("ELBSecurityPolicy-FS-1-1-2019-08", Tls11, Tls12),
        new("ELBSecurityPolicy-FS-1-2-2019-08", Tls12, Tls12),
        new("ELBSecurityPolicy-FS-1-2-Res-2019-08", Tls12, Tls12),
        new("ELBSecurityPolicy-FS-1-2-Res-2020-10", Tls12, Tls12),

        // Classic Load Balancer predefined policies ("Predefined SSL security policies for Classic Load Balancers") not
        // listed above; all allow TLS 1.0, and the oldest SSL 3.0 as well (kept as TLS 1.0, the lowest version modelled).
        new("ELBSecurityPolicy-2015-03", Tls10, Tls12),
        new("ELBSecurityPolicy-2015-02", Tls10, Tls12),
        new("ELBSecurityPolicy-2014-10", Tls10, Tls12),
        new("ELBSecurityPolicy-2014-01", Tls10, Tls12),
        new("ELBSecurityPolicy-2011-08", Tls10, Tls10),
    }.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every policy in the table.</summary>
    public static IEnumerable<TlsPolicy> All => Known.Values;

    /// <summary>The policy with this name, from the table or AWS's naming scheme; null when the name is not recognised.</summary>
    public static TlsPolicy? Find(string? name)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Known.TryGetValue(text, out var policy))
        {
            return policy;
        }

        if (Tls13Scheme().Match(text) is { Success: true } tls13)
        {
            return new TlsPolicy(text, Minor(tls13), Tls13);
        }

        return Tls12Scheme().Match(text) is { Success: true } tls12 ? new TlsPolicy(text, Minor(tls12), Tls12) : null;
    }

    /// <summary>
    /// The policy of an HTTPS or TLS listener, with whether it was left to the API default; null for other protocols,
    /// unresolved values and unrecognised names.
    /// </summary>
    /// <summary>
    /// The listener's TLS policy cannot be known: its protocol, or the SslPolicy of an HTTPS or TLS listener, comes from a
    /// value not known here (a variable without a default, a parameter). Null when the policy is known or not needed.
    /// </summary>
    internal static RuleHit? Undecidable(Shipshape.Core.Model.Listener listener)
    {
        if (!listener.Protocol.IsKnown)
        {
            return RuleHit.Undecidable(listener, listener.Protocol, $"Listener '{listener.Address}' takes its protocol from a value that is not known here, so its TLS policy cannot be checked.");
        }

        return IsTls(listener.Protocol.Current) && !listener.SslPolicy.IsKnown
            ? RuleHit.Undecidable(listener, listener.SslPolicy, $"Listener '{listener.Address}' takes its SslPolicy from a value that is not known here.")
            : null;
    }

    private static bool IsTls(string? protocol) =>
        protocol is not null && (protocol.Equals("HTTPS", StringComparison.OrdinalIgnoreCase) || protocol.Equals("TLS", StringComparison.OrdinalIgnoreCase));

    internal static (TlsPolicy Policy, bool Defaulted)? ForListener(Shipshape.Core.Model.Listener listener)
    {
        if (!listener.Protocol.IsKnown || !IsTls(listener.Protocol.Current) || !listener.SslPolicy.IsKnown)
        {
            return null;
        }

        var defaulted = string.IsNullOrWhiteSpace(listener.SslPolicy.Current);
        return Find(defaulted ? ApiDefault : listener.SslPolicy.Current) is { } policy ? (policy, defaulted) : null;
    }

    /// <summary>
    /// What a Classic Load Balancer SSL negotiation policy offers below TLS 1.2: the referenced predefined policy
    /// (Reference-Security-Policy) when it allows TLS 1.0 or 1.1, or the custom protocol attributes set to true
    /// (Protocol-SSLv2, Protocol-SSLv3, Protocol-TLSv1, Protocol-TLSv1.1; a custom policy offers only the protocols it
    /// turns on). Null when the policy is of another type, allows only TLS 1.2, or cannot be read.
    /// </summary>
    internal static (string Description, Shipshape.Core.Model.Value<string?> At)? BelowTls12(Shipshape.Core.Model.LoadBalancerPolicy policy)
    {
        if (policy.PolicyType is { IsKnown: true, Current: { } type } && !string.Equals(type.Trim(), "SSLNegotiationPolicyType", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var reference = policy.Attributes.FirstOrDefault(a => a.Name.IsKnown && string.Equals(a.Name.Current, "Reference-Security-Policy", StringComparison.OrdinalIgnoreCase));
        if (reference is not null)
        {
            return reference.Value.IsKnown && Find(reference.Value.Current) is { AllowsBelowTls12: true } predefined
                ? ($"{predefined.Name}, which allows {predefined.Describe()}", reference.Value)
                : null;
        }

        var weak = policy.Attributes
            .Where(a => a.Name is { IsKnown: true, Current: "Protocol-SSLv2" or "Protocol-SSLv3" or "Protocol-TLSv1" or "Protocol-TLSv1.1" }
                && a.Value is { IsKnown: true, Current: { } on } && string.Equals(on.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return weak.Count == 0 ? null : (string.Join(", ", weak.Select(a => a.Name.Current)) + " turned on", weak[0].Value);
    }

    private static TlsVersion Minor(Match match) => (TlsVersion)(match.Groups["minor"].Value[0] - '0');

    [GeneratedRegex(@"^ELBSecurityPolicy-TLS13-1-(?<minor>[0-3])-", RegexOptions.CultureInvariant)]
    private static partial Regex Tls13Scheme();

    [GeneratedRegex(@"^ELBSecurityPolicy-(?:TLS|FS)-1-(?<minor>[0-2])-", RegexOptions.CultureInvariant)]
    private static partial Regex Tls12Scheme();
}
