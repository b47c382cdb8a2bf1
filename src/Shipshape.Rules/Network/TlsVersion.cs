namespace Shipshape.Rules.Network;

/// <summary>TLS protocol versions a load-balancer security policy can offer, in order.</summary>
public enum TlsVersion
{
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}
