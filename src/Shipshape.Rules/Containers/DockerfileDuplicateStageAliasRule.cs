using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-112: two FROM instructions of one Dockerfile give their stages the same name (AS alias); stage names are case-insensitive.</summary>
public sealed class DockerfileDuplicateStageAliasRule : IRule
{
    public string Id => "SHP-CTR-112";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stages in DockerfileCommands.ByFile(model))
        {
            var seen = new Dictionary<string, DockerfileStage>(StringComparer.OrdinalIgnoreCase);
            foreach (var stage in stages)
            {
                if (stage.Alias is null)
                {
                    continue;
                }

                if (seen.TryGetValue(stage.Alias, out var first))
                {
                    yield return new RuleHit(stage, stage.Span, "FROM",
                        $"Dockerfile stage {stage.Index} is named '{stage.Alias}' (FROM … AS {stage.Alias}), like stage {first.Index} on line {first.Span.StartLine}; stage names must be unique.",
                        $"{stage.Alias}\0{stage.Index}");
                }
                else
                {
                    seen[stage.Alias] = stage;
                }
            }
        }
    }
}
