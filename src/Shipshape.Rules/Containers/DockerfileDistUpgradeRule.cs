using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-130: a RUN runs a distribution upgrade (apt-get dist-upgrade or full-upgrade, zypper dist-upgrade or dup),
/// which may change the release the base image was built for, remove packages and install new ones.
/// </summary>
public sealed class DockerfileDistUpgradeRule : IRule
{
    public string Id => "SHP-CTR-130";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                var upgrade = DockerfileCommands.Packages(run).FirstOrDefault(p =>
                    (p.Family == "apt-get" && p.Verb is "dist-upgrade" or "full-upgrade") || (p.Family == "zypper" && p.Verb is "dist-upgrade" or "dup"));
                if (upgrade is not null)
                {
                    yield return DockerfileCommands.Hit(stage, run,
                        $"{RuleText.DescribeCapitalised(stage)} runs '{upgrade.Manager} {upgrade.Verb}'; pick a newer base image instead of upgrading the distribution in the build.");
                }
            }
        }
    }
}
