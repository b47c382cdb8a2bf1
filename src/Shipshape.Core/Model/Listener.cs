namespace Shipshape.Core.Model;

/// <summary>A load-balancer listener: protocol, port, TLS policy and default actions.</summary>
public sealed record Listener : Resource
{
    public required Value<string?> LoadBalancer { get; init; }
    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE; null when the source leaves it to the load balancer type.</summary>
    public required Value<string?> Protocol { get; init; }
    public required Value<int?> Port { get; init; }
    public required Value<string?> SslPolicy { get; init; }
    /// <summary>Whether a default action redirects to HTTPS.</summary>
    public required Value<bool> RedirectsToHttps { get; init; }
}
