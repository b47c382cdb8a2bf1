namespace Shipshape.Images;

/// <summary>One member of an image input after its pass: its SHA-256 (hex), and either its layer summary or its bytes when it was small enough to be JSON.</summary>
internal sealed record Blob(string Name, string Digest, LayerSummary? Layer, byte[]? Json);
