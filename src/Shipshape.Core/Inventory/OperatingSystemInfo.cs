namespace Shipshape.Core.Inventory;

/// <summary>The distribution an image is built on, from os-release: ID ("debian"), VERSION_ID ("12") and PRETTY_NAME.</summary>
public sealed record OperatingSystemInfo(string Id, string Version, string Name);
