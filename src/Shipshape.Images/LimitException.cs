namespace Shipshape.Images;

/// <summary>A limit on reading an image was reached: what is read so far stands, the rest of that blob is not read.</summary>
internal sealed class LimitException : Exception
{
    public LimitException()
    {
    }

    public LimitException(string message)
        : base(message)
    {
    }

    public LimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
