namespace Shipshape.Core.Inventory;

/// <summary>
/// One installed package: its package-URL type ("deb", "npm"), name, version, its package URL, and the file that
/// says it is installed ("image.tar!layer 2/var/lib/dpkg/status", "package-lock.json").
/// </summary>
public sealed record SoftwarePackage(string Type, string Name, string Version, string Purl, string Location)
{
    /// <summary>The package URL namespace, when the type has one (npm scope, Maven group, Debian vendor).</summary>
    public string? Namespace { get; init; }

    /// <summary>The package's declared license, as the package database states it (not normalised).</summary>
    public string? License { get; init; }

    /// <summary>The source package it was built from, when the database says (an rpm's SOURCERPM).</summary>
    public string? SourcePackage { get; init; }
}
