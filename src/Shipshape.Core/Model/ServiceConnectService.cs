namespace Shipshape.Core.Model;

/// <summary>
/// An endpoint an Amazon ECS service publishes through Service Connect (an entry of
/// ServiceConnectConfiguration.Services / the service block of service_connect_configuration).
/// </summary>
/// <param name="PortName">The task definition's port mapping name the endpoint serves.</param>
/// <param name="Tls">Whether the entry has a TLS configuration (Tls / tls with an issuer certificate authority): Explicit true where it is, Defaulted with no value where it is absent.</param>
/// <param name="Span">The entry, where a finding about it is reported.</param>
/// <param name="Path">The entry's property path.</param>
public sealed record ServiceConnectService(Value<string?> PortName, Value<bool?> Tls, SourceSpan Span, string Path);
