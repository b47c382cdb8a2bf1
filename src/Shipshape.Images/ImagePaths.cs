using System.Text;

namespace Shipshape.Images;

/// <summary>
/// Names inside images. Member names are labels, never paths to write to (nothing is ever extracted): '..', '.', empty
/// segments and a leading '/' are dropped and control characters shown as '?', so "../../etc/passwd" is "etc/passwd" and
/// cannot name anything outside the image. Locations: "IMAGE!layer N/path" for a file of the Nth layer of the manifest
/// (1-based), "IMAGE!linux/arm64/layer N/path" when the image has several platforms, "IMAGE!member" for a blob.
/// </summary>
public static class ImagePaths
{
    /// <summary>The member name normalised; <paramref name="changed"/> when it had '..', an absolute path or control characters.</summary>
    public static string Normalize(string raw, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var parts = raw.Replace('\\', '/').Split('/').Where(p => p.Length > 0 && p != "." && p != "..");
        var clean = new StringBuilder(string.Join('/', parts));
        for (var i = 0; i < clean.Length; i++)
        {
            if (char.IsControl(clean[i]))
            {
                clean[i] = '?';
            }
        }

        var name = clean.ToString();
        var plain = raw.StartsWith("./", StringComparison.Ordinal) ? raw[2..] : raw;
        changed = name != plain.TrimEnd('/');
        return name;
    }

    /// <summary>"IMAGE!layer 2/etc/app.env", or "IMAGE!linux/arm64/layer 2/etc/app.env" for one platform of several.</summary>
    public static string LayerFile(string image, string? platformPrefix, int layer, string path) =>
        $"{image}!{platformPrefix}layer {layer}/{path}";

    /// <summary>"IMAGE!blobs/sha256/…": a member of the archive or layout.</summary>
    public static string Member(string image, string member) => $"{image}!{member}";
}
