namespace Shipshape.Core.Model;

/// <summary>A named value from an environment list or an options map, each side with its own span.</summary>
public sealed record KeyValue(Value<string> Name, Value<string?> Val);
