using System.Text;
using System.Text.Json;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// Language packages installed beside an application: npm's node_modules/*/package.json, Python's
/// *.dist-info/METADATA, and .NET's *.deps.json. Malformed files yield nothing (the caller says so).
/// </summary>
public static class LanguagePackages
{
    /// <summary>One package.json of node_modules: its name ("@scope/name" or "name") and version.</summary>
    public static IEnumerable<SoftwarePackage> NpmPackageJson(ReadOnlyMemory<byte> content, string location)
    {
        using var document = TryParse(content);
        var root = document?.RootElement ?? default;
        if (Str(root, "name") is { Length: > 0 } name && Str(root, "version") is { Length: > 0 } version)
        {
            return [Npm(name, version, location)];
        }

        return [];
    }

    /// <summary>A package of npm: "@scope/name" has the scope as its purl namespace.</summary>
    public static SoftwarePackage Npm(string fullName, string version, string location)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var slash = fullName.StartsWith('@') ? fullName.IndexOf('/', StringComparison.Ordinal) : -1;
        var ns = slash > 0 ? fullName[..slash] : null;
        var name = slash > 0 ? fullName[(slash + 1)..] : fullName;
        return new SoftwarePackage("npm", fullName, version, PackageUrl.Create("npm", ns, name, version), location) { Namespace = ns };
    }

    /// <summary>A Python core metadata file (dist-info METADATA, egg-info PKG-INFO): its Name and Version headers.</summary>
    public static IEnumerable<SoftwarePackage> PythonMetadata(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var fields in ControlParagraphs.Parse(text, firstOnly: true))
        {
            if (fields.GetValueOrDefault("Name") is { Length: > 0 } name && fields.GetValueOrDefault("Version") is { Length: > 0 } version)
            {
                yield return Pypi(name, version, location) with { License = fields.GetValueOrDefault("License") is { Length: > 0 and < 200 } l ? l : null };
            }
        }
    }

    public static SoftwarePackage Pypi(string name, string version, string location)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new SoftwarePackage("pypi", name, version, PackageUrl.Create("pypi", null, PackageUrl.PypiName(name), version), location);
    }

    public static SoftwarePackage Nuget(string name, string version, string location) =>
        new("nuget", name, version, PackageUrl.Create("nuget", null, name, version), location);

    /// <summary>A .NET application's deps.json: its "libraries" of type "package" ("Name/Version" keys); projects are the application itself.</summary>
    public static IEnumerable<SoftwarePackage> DotnetDeps(ReadOnlyMemory<byte> content, string location)
    {
        using var document = TryParse(content);
        var root = document?.RootElement ?? default;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var packages = new List<SoftwarePackage>();
        foreach (var library in libraries.EnumerateObject())
        {
            var slash = library.Name.LastIndexOf('/');
            if (slash > 0 && slash < library.Name.Length - 1 && Str(library.Value, "type") == "package")
            {
                packages.Add(Nuget(library.Name[..slash], library.Name[(slash + 1)..], location));
            }
        }

        return packages;
    }

    /// <summary>
    /// package-lock.json or npm-shrinkwrap.json: lockfileVersion 2 and 3 list "packages" by install path
    /// ("node_modules/a/node_modules/b"); version 1 nests "dependencies". The root project ("") is not a dependency.
    /// </summary>
    public static IEnumerable<SoftwarePackage> NpmLockfile(ReadOnlyMemory<byte> content, string location)
    {
        using var document = TryParse(content);
        var root = document?.RootElement ?? default;
        var packages = new List<SoftwarePackage>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return packages;
        }

        if (root.TryGetProperty("packages", out var installed) && installed.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in installed.EnumerateObject())
            {
                var at = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                if (at < 0 || Str(entry.Value, "version") is not { Length: > 0 } version || entry.Value.TryGetProperty("link", out _))
                {
                    continue;
                }

                packages.Add(Npm(Str(entry.Value, "name") ?? entry.Name[(at + "node_modules/".Length)..], version, location));
            }
        }
        else if (root.TryGetProperty("dependencies", out var dependencies))
        {
            AddVersion1(dependencies, packages, location, depth: 0);
        }

        return packages;
    }

    private static void AddVersion1(JsonElement dependencies, List<SoftwarePackage> packages, string location, int depth)
    {
        if (dependencies.ValueKind != JsonValueKind.Object || depth > 64)
        {
            return;
        }

        foreach (var dependency in dependencies.EnumerateObject())
        {
            if (Str(dependency.Value, "version") is { Length: > 0 } version)
            {
                packages.Add(Npm(dependency.Name, version, location));
            }

            if (dependency.Value.ValueKind == JsonValueKind.Object && dependency.Value.TryGetProperty("dependencies", out var nested))
            {
                AddVersion1(nested, packages, location, depth + 1);
            }
        }
    }

    /// <summary>NuGet's packages.lock.json: "dependencies" per target framework, each package with its "resolved" version; projects are skipped.</summary>
    public static IEnumerable<SoftwarePackage> NugetLockfile(ReadOnlyMemory<byte> content, string location)
    {
        using var document = TryParse(content);
        var root = document?.RootElement ?? default;
        var packages = new List<SoftwarePackage>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("dependencies", out var frameworks) || frameworks.ValueKind != JsonValueKind.Object)
        {
            return packages;
        }

        foreach (var framework in frameworks.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var package in framework.Value.EnumerateObject())
            {
                if (Str(package.Value, "resolved") is { Length: > 0 } version && Str(package.Value, "type") != "Project")
                {
                    packages.Add(Nuget(package.Name, version, location));
                }
            }
        }

        return packages;
    }

    /// <summary>requirements.txt: only pinned lines ("name==1.2.3", extras and markers dropped) say what is installed.</summary>
    public static IEnumerable<SoftwarePackage> Requirements(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Split(';')[0].Trim();
            var pin = line.IndexOf("==", StringComparison.Ordinal);
            if (pin <= 0 || line.StartsWith('-'))
            {
                continue;
            }

            var name = line[..pin].Split('[')[0].Trim();
            var version = line[(pin + 2)..].Split(' ', ',', '\\')[0].Trim();
            if (name.Length > 0 && version.Length > 0 && !version.Contains('*', StringComparison.Ordinal))
            {
                yield return Pypi(name, version, location);
            }
        }
    }

    internal static JsonDocument? TryParse(ReadOnlyMemory<byte> content)
    {
        try
        {
            var bytes = content.Span.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
