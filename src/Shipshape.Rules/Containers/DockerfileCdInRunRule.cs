using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-118: a RUN changes directory with cd where WORKDIR says it for every later instruction (Dockerfile best practices, "WORKDIR").</summary>
public sealed class DockerfileCdInRunRule : IRule
{
    public string Id => "SHP-CTR-118";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                if (run.Commands.FirstOrDefault(c => c.Program == "cd" && c.Arguments.Length > 0) is { } cd)
                {
                    yield return DockerfileCommands.Hit(stage, run,
                        $"{RuleText.DescribeCapitalised(stage)} runs 'cd {cd.Arguments[0]}' in a RUN; use WORKDIR to change directory.");
                }
            }
        }
    }
}
