using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-115: a RUN uses apt, whose command-line interface is not stable for scripts (apt(8)); apt-get and apt-cache are.</summary>
public sealed class DockerfileAptRule : IRule
{
    public string Id => "SHP-CTR-115";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (stage, run) in DockerfileCommands.RunsCalling(model, "apt"))
        {
            yield return DockerfileCommands.Hit(stage, run, $"{RuleText.DescribeCapitalised(stage)} runs apt in a RUN; use apt-get or apt-cache, whose interface is stable for scripts.");
        }
    }
}
