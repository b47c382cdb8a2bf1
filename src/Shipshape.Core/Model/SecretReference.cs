namespace Shipshape.Core.Model;

/// <summary>An environment variable filled from a secret store: ECS secrets[].valueFrom, a Kubernetes secretKeyRef.</summary>
public sealed record SecretReference(Value<string> Name, Value<string?> ValueFrom);
