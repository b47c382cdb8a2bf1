using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// yarn.lock (the v1 format and Berry's YAML one) and pnpm-lock.yaml, read line by line: both put each resolved package
/// at a fixed indentation with its version beside it, so no YAML parser (and no depth) is involved. Workspace and
/// linked entries are the project itself, not dependencies. Malformed files yield nothing (the caller says so).
/// </summary>
public static class NodeLockfiles
{
    /// <summary>
    /// yarn.lock: a top-level key of one or more descriptors ("name@range", quoted when scoped, comma-separated), then
    /// its fields indented: v1 writes `version "1.2.3"`, Berry `version: 1.2.3` and `linkType: soft` for workspaces and
    /// links (Berry also has a "__metadata" entry, which is not a package).
    /// </summary>
    public static IEnumerable<SoftwarePackage> YarnLock(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? name = null, version = null;
        var soft = false;
        foreach (var raw in text.Split('\n').Append(string.Empty))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                var field = line.Trim();
                if (field.StartsWith("version ", StringComparison.Ordinal) || field.StartsWith("version:", StringComparison.Ordinal))
                {
                    version ??= field[8..].Trim().Trim('"', '\'');
                }
                else if (field.StartsWith("linkType:", StringComparison.Ordinal))
                {
                    soft = field[9..].Trim() == "soft";
                }

                continue;
            }

            if (name is { Length: > 0 } && version is { Length: > 0 } && !soft)
            {
                yield return LanguagePackages.Npm(name, version, location);
            }

            name = version = null;
            soft = false;
            if (line.Length == 0 || line[0] == '#' || !line.EndsWith(':'))
            {
                continue;
            }

            var descriptor = line[..^1].Split(',')[0].Trim().Trim('"', '\'');
            // A scoped name starts with '@': the version's '@' comes after the first character (an empty key has none).
            var at = descriptor.Length > 1 ? descriptor.IndexOf('@', 1) : -1;
            var protocol = at > 0 ? descriptor[(at + 1)..] : string.Empty;
            name = at > 0 && !protocol.StartsWith("workspace:", StringComparison.Ordinal) && !protocol.StartsWith("link:", StringComparison.Ordinal)
                && !protocol.StartsWith("portal:", StringComparison.Ordinal) ? descriptor[..at] : null;
        }
    }

    /// <summary>
    /// pnpm-lock.yaml: the keys under the top-level "packages:" map, at two spaces: "/name/1.2.3" (lockfile v5),
    /// "/name@1.2.3" (v6), "name@1.2.3" (v9), each maybe quoted and followed by its peers ("(react@18.2.0)", or
    /// "_react@18.2.0" in v5), which do not change the package's version.
    /// </summary>
    public static IEnumerable<SoftwarePackage> PnpmLock(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        var version5 = false;
        var inPackages = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line[0] != ' ')
            {
                inPackages = line == "packages:";
                if (line.StartsWith("lockfileVersion:", StringComparison.Ordinal))
                {
                    version5 = line[16..].Trim().Trim('\'', '"').StartsWith('5');
                }

                continue;
            }

            if (!inPackages || line.Length < 3 || line[2] == ' ' || !line.EndsWith(':'))
            {
                continue;
            }

            var key = line[2..^1].Trim().Trim('\'', '"').TrimStart('/');
            var peers = key.IndexOf('(', StringComparison.Ordinal);
            key = peers > 0 ? key[..peers] : key;
            var split = version5 ? key.LastIndexOf('/') : key.LastIndexOf('@');
            if (split <= 0 || split == key.Length - 1)
            {
                continue;
            }

            var version = key[(split + 1)..];
            if (version5 && version.IndexOf('_', StringComparison.Ordinal) is var underscore and > 0)
            {
                version = version[..underscore];
            }

            // Tarball and git dependencies ("name@https://…", "github.com/…") have no registry version.
            if (char.IsAsciiDigit(version[0]))
            {
                yield return LanguagePackages.Npm(key[..split], version, location);
            }
        }
    }
}
