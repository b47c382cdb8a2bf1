using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-113: MAINTAINER, deprecated in favour of LABEL (Dockerfile reference, "MAINTAINER (deprecated)").</summary>
public sealed class DockerfileMaintainerRule : IRule
{
    public string Id => "SHP-CTR-113";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var maintainer in stage.Instructions.Where(i => i.Keyword == "MAINTAINER"))
            {
                yield return DockerfileCommands.Hit(stage, maintainer,
                    $"{RuleText.DescribeCapitalised(stage)} uses the deprecated MAINTAINER; use LABEL org.opencontainers.image.authors=\"…\" instead.");
            }
        }
    }
}
