namespace Shipshape.Hcl.Evaluation;

/// <summary>File access for file() and templatefile(): confined to the scanned root by the implementation.</summary>
public interface IHclFileSystem
{
    /// <summary>The file's text and its display path (relative to the scan root), or null when it is missing or outside the root.</summary>
    (string Text, string DisplayPath)? Read(string path);
}
