using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// The dpkg database: /var/lib/dpkg/status (paragraphs with a Status field; only "install ok installed" ones count)
/// and distroless images' /var/lib/dpkg/status.d/* (one file per package, usually without Status).
/// </summary>
public static class DpkgStatus
{
    /// <param name="vendor">The purl namespace: os-release ID ("debian", "ubuntu").</param>
    /// <param name="distro">The purl distro qualifier ("debian-12"), or null.</param>
    public static IEnumerable<SoftwarePackage> Parse(string text, string location, string vendor, string? distro)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var fields in ControlParagraphs.Parse(text))
        {
            if (!fields.TryGetValue("Package", out var name) || !fields.TryGetValue("Version", out var version) || name.Length == 0 || version.Length == 0)
            {
                continue;
            }

            if (fields.TryGetValue("Status", out var status) && !status.EndsWith(" installed", StringComparison.Ordinal))
            {
                continue;
            }

            var arch = fields.GetValueOrDefault("Architecture");
            yield return new SoftwarePackage("deb", name, version, PackageUrl.Create("deb", vendor, name, version, ("arch", arch), ("distro", distro)), location) { Namespace = vendor };
        }
    }
}
