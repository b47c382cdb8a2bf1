namespace Shipshape.Core.Model;

/// <summary>A blob of an image whose SHA-256 is not the one expected: what expected it, and both digests.</summary>
public sealed record ImageDigestMismatch(string Blob, string ExpectedBy, string Expected, string Actual, SourceSpan Span);
