using Shipshape.Secrets;

namespace Shipshape.Images;

/// <summary>A file of an image layer in which the secrets scan found something, at its location ("image!layer N/path").</summary>
public sealed record ImageContentFile(string Path, ContentScanResult Content);
