namespace Shipshape.Core.Model;

/// <summary>One name/value attribute of a load balancer policy ("Protocol-TLSv1" = "true", "Reference-Security-Policy" = a policy name).</summary>
public sealed record PolicyAttribute(Value<string?> Name, Value<string?> Value);
