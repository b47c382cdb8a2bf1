namespace Shipshape.Secrets.Git;

/// <summary>A repository's files are not in a format this reader understands (or are corrupt).</summary>
public sealed class GitFormatException : Exception
{
    public GitFormatException()
    {
    }

    public GitFormatException(string message)
        : base(message)
    {
    }

    public GitFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
