using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// rpm's SQLite database (rpmdb.sqlite, rpm 4.16 and later: Fedora 33+, RHEL 9, Amazon Linux 2023): each row of the
/// Packages table holds one installed package's header blob. rpm's older Berkeley DB and NDB databases are not read;
/// the caller says so.
/// </summary>
public static class RpmDatabase
{
    /// <returns>The packages, and what could not be read (the whole database, or some of its headers).</returns>
    public static (List<SoftwarePackage> Packages, string? Problem) ParseSqlite(ReadOnlyMemory<byte> content, string location, string? vendor, string? distro)
    {
        var packages = new List<SoftwarePackage>();
        var (rows, problem) = SqliteTable.Read(content, "Packages");
        var damaged = 0;
        foreach (var row in rows)
        {
            var blob = row.Length >= 2 ? row[1] as byte[] : null;
            var (header, _) = blob is null ? (null, "no blob") : RpmHeader.Parse(blob);
            if (header?.String(RpmHeader.Name) is not { Length: > 0 } name || header.String(RpmHeader.Version) is not { Length: > 0 } version)
            {
                damaged++;
                continue;
            }

            // gpg-pubkey rows are the signing keys rpm imported, not software (Syft and Trivy leave them out too).
            if (name == "gpg-pubkey")
            {
                continue;
            }

            var full = (header.Number(RpmHeader.Epoch) is { } epoch ? $"{epoch}:" : string.Empty) + version
                + (header.String(RpmHeader.Release) is { Length: > 0 } release ? "-" + release : string.Empty);
            packages.Add(new SoftwarePackage("rpm", name, full, PackageUrl.Create("rpm", vendor, name, full, ("arch", header.String(RpmHeader.Arch)), ("distro", distro)), location)
            {
                Namespace = vendor,
                License = header.String(RpmHeader.License) is { Length: > 0 and < 200 } license ? license : null,
                SourcePackage = header.String(RpmHeader.SourceRpm) is { Length: > 0 and < 300 } source ? source : null,
            });
        }

        var problems = new List<string>();
        if (problem is not null)
        {
            problems.Add(problem);
        }

        if (damaged > 0)
        {
            problems.Add($"{damaged} package header(s) not readable");
        }

        return (packages, problems.Count == 0 ? null : string.Join("; ", problems));
    }
}
