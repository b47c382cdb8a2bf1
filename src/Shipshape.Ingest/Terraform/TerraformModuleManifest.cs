using System.Collections.Immutable;
using System.Text.Json;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// The modules <c>terraform init</c> installed for a root module, from <c>.terraform/modules/modules.json</c>
/// (Modules[].Key, the call path joined by dots, and Dir, relative to the root module): registry and Git modules
/// that were downloaded can be evaluated like local ones. Only directories inside the scanned root count.
/// </summary>
public static class TerraformModuleManifest
{
    /// <summary>The manifest's place relative to a root module directory.</summary>
    public static readonly string RelativePath = Path.Combine(".terraform", "modules", "modules.json");

    /// <summary>Module key ("vpc", "app.vpc") → full directory; empty without a readable manifest.</summary>
    public static ImmutableDictionary<string, string> Read(TerraformModuleLoader loader, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var path = Path.Combine(rootDirectory, RelativePath);
        if (!File.Exists(path) || !loader.Boundary.TryRead(path, TerraformFileSystem.MaxBytes, out var bytes, out _))
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (!document.RootElement.TryGetProperty("Modules", out var modules) || modules.ValueKind != JsonValueKind.Array)
            {
                return ImmutableDictionary<string, string>.Empty;
            }

            foreach (var entry in modules.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("Key", out var key) || key.ValueKind != JsonValueKind.String || key.GetString() is not { Length: > 0 } name
                    || !entry.TryGetProperty("Dir", out var dir) || dir.ValueKind != JsonValueKind.String || dir.GetString() is not { Length: > 0 } relative)
                {
                    continue;
                }

                var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(rootDirectory, relative)));
                if (loader.IsInsideRoot(directory) && Directory.Exists(directory))
                {
                    result[name] = directory;
                }
            }
        }
        catch (JsonException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        return result.ToImmutable();
    }
}
