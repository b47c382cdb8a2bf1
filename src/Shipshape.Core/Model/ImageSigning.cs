using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// The signature facts of one image: the digests a signature may name (its manifest and the indexes above it), the
/// signatures found in the archive or layout for any of them, whether the input can hold signatures at all (a
/// docker-save archive cannot), and whether the scan was given keys or certificates to verify against.
/// </summary>
public sealed record ImageSigning(ImmutableArray<string> Digests, ImmutableArray<ImageSignature> Signatures, bool CanHoldSignatures, bool TrustGiven, SourceSpan Span);
