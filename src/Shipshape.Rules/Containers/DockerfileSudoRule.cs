using Shipshape.Core.Model;


namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-108: a RUN uses sudo.</summary>
public sealed class DockerfileSudoRule : IRule
{
    public string Id => "SHP-CTR-108";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                if (run.Commands.Any(c => c.ViaSudo))
                {
                    yield return new RuleHit(stage, run.Span, "RUN",
                        $"{RuleText.DescribeCapitalised(stage)} runs a command with sudo; build steps already run as the current USER, switch with USER instead.");
                }
            }
        }
    }
}
