namespace Shipshape.Engine.Configuration;

/// <summary>A configuration or usage error: nothing is scanned and the CLI exits with code 2.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ConfigException()
    {
    }
}
