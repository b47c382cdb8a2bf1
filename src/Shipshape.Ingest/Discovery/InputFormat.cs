namespace Shipshape.Ingest.Discovery;

/// <summary>The syntax a discovered file is written in, as far as a cheap look at its name and first bytes can tell.</summary>
public enum InputFormat
{
    /// <summary>Nothing to go by: an empty file without a telling name, or content that is not text.</summary>
    Unknown,
    Json,
    Yaml,
    Dockerfile,
    Hcl,
    /// <summary>Text in no recognised syntax; still worth a secrets scan.</summary>
    Text,
    /// <summary>A binary file kept because <see cref="DiscoveryOptions.KeepBinary"/> asked for it (an archive).</summary>
    Binary,
}
