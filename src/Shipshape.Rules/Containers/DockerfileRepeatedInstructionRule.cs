using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-125: a stage has more than one CMD, ENTRYPOINT or HEALTHCHECK: only the last takes effect (Dockerfile
/// reference), so the earlier ones are dead and the file misleads. Each repetition after the first is reported.
/// </summary>
public sealed class DockerfileRepeatedInstructionRule : IRule
{
    private static readonly string[] Once = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

    public string Id => "SHP-CTR-125";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var keyword in Once)
            {
                var all = stage.Instructions.Where(i => i.Keyword == keyword).ToList();
                foreach (var repeated in all.Skip(1))
                {
                    yield return DockerfileCommands.Hit(stage, repeated,
                        $"{RuleText.DescribeCapitalised(stage)} has {all.Count} {keyword} instructions; only the last takes effect.");
                }
            }
        }
    }
}
