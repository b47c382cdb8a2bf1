using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-121: a RUN installs named packages without a version: apt-get install pkg=version, apk add
/// pkg=version, yum/dnf install pkg-version, zypper install pkg=version, pip install pkg==version, npm install
/// pkg@version, gem install pkg:version (or -v). Installs from files, paths, URLs, requirement files and
/// package.json are not judged: they carry their own versions.
/// </summary>
public sealed class DockerfileUnpinnedPackageRule : IRule
{
    public string Id => "SHP-CTR-121";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                foreach (var install in DockerfileCommands.Packages(run).Where(p => p.Installs))
                {
                    var unpinned = install.Packages.Where(p => !Pinned(install, p)).ToList();
                    if (unpinned.Count > 0)
                    {
                        var names = string.Join(", ", unpinned.Take(3).Select(p => $"'{p}'")) + (unpinned.Count > 3 ? $" and {unpinned.Count - 3} more" : string.Empty);
                        yield return DockerfileCommands.Hit(stage, run,
                            $"{RuleText.DescribeCapitalised(stage)} installs {names} with '{install.Manager} {install.Verb}' without pinning a version ({Example(install.Family)}).",
                            install.Manager);
                        break;
                    }
                }
            }
        }
    }

    private static bool Pinned(PackageCommand install, string package) => install.Family switch
    {
        "apt-get" or "zypper" => package.IndexOfAny(['=', '<', '>']) > 0,
        "apk" => package.IndexOfAny(['=', '<', '>', '~']) > 0,
        // name-version or name-version-release (dnf(8) "Specifying Packages").
        "yum" => HasDashVersion(package) || package.Contains('=', StringComparison.Ordinal),
        // A requirement specifier: ==, ~=, >=, <=, !=, <, >, or a direct reference with @ (PEP 440, PEP 508).
        "pip" => package.IndexOfAny(['=', '<', '>', '~', '@', '!']) > 0,
        // name@version, @scope/name@version, or a tag/range after the last @ (npm install).
        "npm" or "yarn" => package.LastIndexOf('@') > 0,
        "gem" => package.Contains(':', StringComparison.Ordinal) || install.Has("-v", "--version"),
        _ => true,
    };

    private static bool HasDashVersion(string package)
    {
        for (var i = package.IndexOf('-', StringComparison.Ordinal); i >= 0 && i + 1 < package.Length; i = package.IndexOf('-', i + 1))
        {
            if (char.IsAsciiDigit(package[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Example(string family) => family switch
    {
        "apt-get" => "apt-get install curl=7.88.1-10+deb12u7",
        "apk" => "apk add curl=8.9.1-r1",
        "yum" => "dnf install curl-7.76.1",
        "zypper" => "zypper install curl=8.6.0",
        "pip" => "pip install requests==2.32.3",
        "npm" or "yarn" => "npm install express@4.21.1",
        "gem" => "gem install rails:7.2.1",
        _ => "a version",
    };
}
