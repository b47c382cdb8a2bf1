namespace Shipshape.Images.Signatures;

/// <summary>A file given with --key, --trust-root or --notation-cert that cannot be read or holds no usable key or certificate; the message names the option and file.</summary>
public sealed class SignatureTrustException : Exception
{
    public SignatureTrustException()
    {
    }

    public SignatureTrustException(string message)
        : base(message)
    {
    }

    public SignatureTrustException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
