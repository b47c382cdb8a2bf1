namespace Shipshape.Rules;

/// <summary>A rule metadata file that cannot be read: our own embedded data, so a build or startup defect.</summary>
public sealed class RuleMetadataException : Exception
{
    public RuleMetadataException()
    {
    }

    public RuleMetadataException(string message)
        : base(message)
    {
    }

    public RuleMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
