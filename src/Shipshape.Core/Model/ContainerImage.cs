using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One container image read from a docker-save archive or an OCI image layout: one per platform manifest. Config
/// values point at the config blob ("image.tar!blobs/sha256/…", no line); filesystem facts are the final filesystem
/// after whiteouts, each entry located at "image.tar!layer N/path". Defaults (no User means root, no Healthcheck) are
/// decided by the image adapter, as the Dockerfile adapter decides them for a stage.
/// </summary>
public sealed record ContainerImage : Resource
{
    /// <summary>"os/architecture[/variant]" from the config or the index, or null when neither says.</summary>
    public string? Platform { get; init; }

    /// <summary>The names the archive gives the image: docker-save RepoTags, OCI ref.name or containerd image name annotations.</summary>
    public ImmutableArray<Value<string>> Tags { get; init; } = [];

    /// <summary>config.User; defaulted to "" (root) when absent or empty.</summary>
    public required Value<string?> User { get; init; }

    /// <summary>config.Healthcheck.Test joined ("NONE" when disabled); defaulted to null when absent.</summary>
    public required Value<string?> Healthcheck { get; init; }

    /// <summary>config.ExposedPorts keys ("22/tcp").</summary>
    public ImmutableArray<Value<string>> ExposedPorts { get; init; } = [];

    /// <summary>config.Env as name and value.</summary>
    public ImmutableArray<KeyValue> Environment { get; init; } = [];

    /// <summary>config.Labels.</summary>
    public ImmutableArray<KeyValue> Labels { get; init; } = [];

    /// <summary>history[].created_by, in order (the build's instructions, with ARG values and --build-arg values of RUN lines).</summary>
    public ImmutableArray<Value<string>> History { get; init; } = [];

    /// <summary>The config's created date; unresolved when absent or not a date.</summary>
    public required Value<DateTimeOffset?> Created { get; init; }

    /// <summary>
    /// Entries of the final filesystem that rules look at: setuid/setgid files, world-writable directories, package
    /// caches, sudo and SSH servers (the adapter's list, not every file).
    /// </summary>
    public ImmutableArray<ImageFileEntry> Files { get; init; } = [];

    /// <summary>Blobs whose SHA-256 is not the digest the layout names them by or the manifest and config expect.</summary>
    public ImmutableArray<ImageDigestMismatch> DigestMismatches { get; init; } = [];

    /// <summary>Signatures found for the image and what verifying them found; null when the image was not read from an archive or layout.</summary>
    public ImageSigning? Signing { get; init; }

    /// <summary>/etc/passwd, /etc/shadow and /etc/group of the final filesystem, when present and small.</summary>
    public ImmutableArray<ImageTextFile> AccountFiles { get; init; } = [];

    /// <summary>The distribution and packages of the final filesystem (the image's SBOM); null when not read.</summary>
    public Inventory.SoftwareInventory? Inventory { get; init; }
}
