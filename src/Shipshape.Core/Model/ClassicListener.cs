using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>One listener of a Classic Load Balancer: the front-end protocol and port, and the protocol to the instances.</summary>
public sealed record ClassicListener
{
    /// <summary>HTTP, HTTPS, TCP or SSL, upper case when known.</summary>
    public required Value<string?> Protocol { get; init; }
    public required Value<int?> Port { get; init; }
    /// <summary>The back-end protocol: HTTP, HTTPS, TCP or SSL; defaults to the front-end protocol's layer (HTTP or TCP).</summary>
    public required Value<string?> InstanceProtocol { get; init; }
    public required Value<string?> SslCertificate { get; init; }
    /// <summary>Names of the policies the listener uses (CloudFormation PolicyNames).</summary>
    public ImmutableArray<Value<string>> PolicyNames { get; init; } = [];
    /// <summary>The listener's own property path.</summary>
    public required string Path { get; init; }
}
