namespace Shipshape.Images.Signatures;

/// <summary>A signature manifest of an input: "cosign" or "notation", the digest it is attached to, how ("tag sha256-….sig", "referrer sha256:…"), and its member name.</summary>
internal sealed record FoundSignature(string Format, string Subject, string Reference, string ManifestName);
