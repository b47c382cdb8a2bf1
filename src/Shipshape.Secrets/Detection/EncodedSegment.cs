namespace Shipshape.Secrets.Detection;

/// <summary>A run of encoded text and what it decodes to.</summary>
internal readonly record struct EncodedSegment(int Start, int Length, string Encoding, string Decoded);
