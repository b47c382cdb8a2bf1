namespace Shipshape.Core.Model;

/// <summary>What checking one signature of an image found.</summary>
public enum ImageSignatureVerdict
{
    /// <summary>The signature verifies with a key or certificate the scan was told to trust, and it signs this image.</summary>
    Verified,

    /// <summary>Nothing to verify it against was given (no --key, --trust-root or --notation-cert): only its form and digest were checked.</summary>
    NotVerified,

    /// <summary>The signature is malformed, or does not verify with the certificate it carries: the payload or the signature was changed.</summary>
    Invalid,

    /// <summary>The signature is well formed but not made by a key or certificate chain the scan trusts.</summary>
    Untrusted,

    /// <summary>The signed payload names another manifest digest than the image it is attached to.</summary>
    DigestMismatch,
}
