namespace Shipshape.Tests.Support;

/// <summary>Locations tests read from: the repository root, the test fixtures and ../shared (which a fresh clone may lack).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The OASIS SARIF 2.1.0 JSON schema, vendored with the fixtures.</summary>
    public static string SarifSchema => Fixture("sarif", "sarif-schema-2.1.0.json");

    public static string Samples => Path.Combine(RepoRoot, "samples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shipshape.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Shipshape.slnx) not found");
    }
}
