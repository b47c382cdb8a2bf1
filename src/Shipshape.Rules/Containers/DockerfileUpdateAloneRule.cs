using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-116: a RUN refreshes a package index (apt-get update, apk update, zypper refresh, yum/dnf makecache)
/// without installing or upgrading after it in the same RUN: the cached layer keeps a stale index and later
/// installs use it (Dockerfile best practices, "apt-get").
/// </summary>
public sealed class DockerfileUpdateAloneRule : IRule
{
    public string Id => "SHP-CTR-116";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                var packages = DockerfileCommands.Packages(run).ToList();
                var update = packages.LastOrDefault(IsIndexUpdate);
                if (update is not null && !packages.Any(p => p.Index > update.Index && p.Family == update.Family && (p.Installs || IsUpgrade(p))))
                {
                    yield return DockerfileCommands.Hit(stage, run,
                        $"{RuleText.DescribeCapitalised(stage)} runs '{update.Manager} {update.Verb}' without installing anything after it in the same RUN; the cached layer keeps a stale package index.");
                }
            }
        }
    }

    private static bool IsIndexUpdate(PackageCommand p) => p.Family switch
    {
        "apt-get" or "apk" => p.Verb == "update",
        "zypper" => p.Verb is "refresh" or "ref",
        "yum" => p.Verb == "makecache",
        _ => false,
    };

    private static bool IsUpgrade(PackageCommand p) => p.Family switch
    {
        "apt-get" => p.Verb is "upgrade" or "dist-upgrade" or "full-upgrade",
        "apk" => p.Verb is "upgrade" or "fix",
        "zypper" => p.Verb is "update" or "up" or "dist-upgrade" or "dup" or "patch",
        "yum" => p.Verb is "update" or "upgrade" or "distro-sync" or "groupinstall",
        _ => false,
    };
}
