namespace Shipshape.Images.Inventory;

/// <summary>One file of a final filesystem or source tree that says what is installed: its path there, its location in reports, and its bytes.</summary>
public sealed record InventoryFile(string Path, string Location, ReadOnlyMemory<byte> Content);
