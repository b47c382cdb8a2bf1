namespace Shipshape.Core.Model;

/// <summary>
/// One signature found for an image: its format ("cosign", "notation"), how it is attached (the "sha256-….sig" tag or
/// the referrer manifest's digest), the verdict and why, and the digest its payload signs.
/// </summary>
public sealed record ImageSignature(string Format, string Reference, ImageSignatureVerdict Verdict, string Detail, string? SignedDigest, SourceSpan Span);
