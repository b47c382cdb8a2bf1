using Shipshape.Secrets.Sources;

namespace Shipshape.Images;

/// <summary>
/// Names inside images. Member names are labels, never paths to write to (nothing is ever extracted): '..', '.', empty
/// segments and a leading '/' are dropped and control characters shown as '?', so "../../etc/passwd" is "etc/passwd" and
/// cannot name anything outside the image. Locations: "IMAGE!layer N/path" for a file of the Nth layer of the manifest
/// (1-based), "IMAGE!linux/arm64/layer N/path" when the image has several platforms, "IMAGE!member" for a blob.
/// </summary>
public static class ImagePaths
{
    /// <summary>The member name normalised (see <see cref="ArchiveNames"/>); <paramref name="changed"/> when it had '..', an absolute path or control characters.</summary>
    public static string Normalize(string raw, out bool changed) => ArchiveNames.Normalize(raw, out changed);

    /// <summary>"IMAGE!layer 2/etc/app.env", or "IMAGE!linux/arm64/layer 2/etc/app.env" for one platform of several.</summary>
    public static string LayerFile(string image, string? platformPrefix, int layer, string path) =>
        $"{image}!{platformPrefix}layer {layer}/{path}";

    /// <summary>"IMAGE!blobs/sha256/…": a member of the archive or layout.</summary>
    public static string Member(string image, string member) => $"{image}!{member}";
}
