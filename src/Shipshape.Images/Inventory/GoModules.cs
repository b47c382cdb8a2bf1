using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// A Go module's go.mod and go.sum. Since Go 1.17 go.mod requires every module the build uses (the indirect ones
/// marked "// indirect"), so it is the list, with its replace directives applied; go.sum lists the module graph, more
/// than the build uses, and is read only where go.mod cannot say (no go.mod beside it, or an older "go" directive),
/// its "/go.mod" lines (only the module's go.mod was fetched) skipped. This is how Trivy reads them.
/// </summary>
public static class GoModules
{
    /// <summary>Whether a go.mod lists every module the build uses: its "go" directive is 1.17 or later.</summary>
    public static bool IsComplete(string goMod)
    {
        ArgumentNullException.ThrowIfNull(goMod);
        foreach (var line in Lines(goMod))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields is ["go", var version] && Version.TryParse(version.Count(c => c == '.') == 0 ? version + ".0" : string.Join('.', version.Split('.').Take(2)), out var parsed))
            {
                return parsed >= new Version(1, 17);
            }
        }

        return false;
    }

    /// <summary>The required modules with replacements applied; a module replaced by a local directory names no version and is left out.</summary>
    public static IEnumerable<SoftwarePackage> GoMod(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        var required = new List<(string Path, string Version)>();
        var replaced = new Dictionary<string, (string? OldVersion, string Path, string? Version)>(StringComparer.Ordinal);
        string? block = null;
        foreach (var line in Lines(text))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('"')).ToArray();
            if (fields is [_, "("])
            {
                block = fields[0];
                continue;
            }

            if (fields is [")"])
            {
                block = null;
                continue;
            }

            var verb = block ?? fields.FirstOrDefault();
            var args = block is null ? fields.Skip(1).ToArray() : fields;
            if (verb == "require" && args.Length >= 2)
            {
                required.Add((args[0], args[1]));
            }
            else if (verb == "replace" && Array.IndexOf(args, "=>") is var arrow and > 0 && arrow < args.Length - 1)
            {
                replaced[args[0]] = (arrow > 1 ? args[1] : null, args[arrow + 1], arrow + 2 < args.Length ? args[arrow + 2] : null);
            }
        }

        foreach (var (path, version) in required)
        {
            if (replaced.TryGetValue(path, out var replacement) && (replacement.OldVersion is null || replacement.OldVersion == version))
            {
                if (replacement.Version is { } newVersion)
                {
                    yield return GoBuildInfo.Module(replacement.Path, newVersion, location);
                }

                continue;
            }

            yield return GoBuildInfo.Module(path, version, location);
        }
    }

    /// <summary>go.sum: "path version hash" lines; "path version/go.mod hash" lines are not the module's code.</summary>
    public static IEnumerable<SoftwarePackage> GoSum(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && !fields[1].EndsWith("/go.mod", StringComparison.Ordinal) && fields[2].StartsWith("h1:", StringComparison.Ordinal))
            {
                yield return GoBuildInfo.Module(fields[0], fields[1], location);
            }
        }
    }

    /// <summary>The lines of a go.mod without comments ("// indirect" included) and blank lines.</summary>
    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => (l.IndexOf("//", StringComparison.Ordinal) is var c and >= 0 ? l[..c] : l).Trim()).Where(l => l.Length > 0);
}
