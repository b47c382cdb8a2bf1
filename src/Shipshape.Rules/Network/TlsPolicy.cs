namespace Shipshape.Rules.Network;

/// <summary>An Elastic Load Balancing security policy and the TLS versions it offers (all versions from Min to Max).</summary>
public sealed record TlsPolicy(string Name, TlsVersion Min, TlsVersion Max)
{
    public bool AllowsBelowTls12 => Min < TlsVersion.Tls12;
    public bool OffersTls13 => Max == TlsVersion.Tls13;

    /// <summary>"TLS 1.0 to 1.2", "TLS 1.3 only".</summary>
    public string Describe() => Min == Max ? $"{Text(Min)} only" : $"{Text(Min)} to {Text(Max)[4..]}";

    public static string Text(TlsVersion version) => version switch
    {
        TlsVersion.Tls10 => "TLS 1.0",
        TlsVersion.Tls11 => "TLS 1.1",
        TlsVersion.Tls12 => "TLS 1.2",
        _ => "TLS 1.3",
    };
}
