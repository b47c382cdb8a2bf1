using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>Alpine's /lib/apk/db/installed: "K:value" lines (P name, V version, A architecture, L license), a blank line between packages.</summary>
public static class ApkDatabase
{
    public static IEnumerable<SoftwarePackage> Parse(string text, string location, string vendor, string? distro)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? name = null, version = null, arch = null, license = null;
        foreach (var raw in text.Split('\n').Append(string.Empty))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (name is { Length: > 0 } && version is { Length: > 0 })
                {
                    yield return new SoftwarePackage("apk", name, version, PackageUrl.Create("apk", vendor, name, version, ("arch", arch), ("distro", distro)), location)
                    {
                        Namespace = vendor,
                        License = license,
                    };
                }

                name = version = arch = license = null;
                continue;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            var value = line[2..].Trim();
            switch (line[0])
            {
                case 'P': name ??= value; break;
                case 'V': version ??= value; break;
                case 'A': arch ??= value; break;
                case 'L': license ??= value; break;
            }
        }
    }
}
