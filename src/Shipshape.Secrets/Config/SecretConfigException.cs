namespace Shipshape.Secrets.Config;

/// <summary>A gitleaks configuration cannot be used; the message names the file and, where known, the line.</summary>
public sealed class SecretConfigException : Exception
{
    public SecretConfigException()
    {
    }

    public SecretConfigException(string message)
        : base(message)
    {
    }

    public SecretConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
