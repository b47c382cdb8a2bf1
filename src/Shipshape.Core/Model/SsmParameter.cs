namespace Shipshape.Core.Model;

/// <summary>A Systems Manager Parameter Store parameter.</summary>
public sealed record SsmParameter : Resource
{
    public required Value<string?> Name { get; init; }
    /// <summary>String, StringList or SecureString.</summary>
    public required Value<string?> Type { get; init; }
    public required Value<string?> ParameterValue { get; init; }
}
