using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-114: a RUN sets or removes account passwords with chpasswd: the password is written into a layer and the build history.</summary>
public sealed class DockerfileChpasswdRule : IRule
{
    public string Id => "SHP-CTR-114";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (stage, run) in DockerfileCommands.RunsCalling(model, "chpasswd"))
        {
            yield return DockerfileCommands.Hit(stage, run, $"{RuleText.DescribeCapitalised(stage)} sets account passwords with chpasswd in a RUN; the password stays in the image layers and build history.");
        }
    }
}
