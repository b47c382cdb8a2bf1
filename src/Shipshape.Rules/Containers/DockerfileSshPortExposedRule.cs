using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-106: a Dockerfile EXPOSEs port 22 (SSH).</summary>
public sealed class DockerfileSshPortExposedRule : IRule
{
    public string Id => "SHP-CTR-106";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var port in stage.ExposedPorts.Where(p => p.IsKnown))
            {
                var number = port.Current.Split('/')[0].Trim();
                if (string.Equals(number, "22", StringComparison.Ordinal))
                {
                    yield return RuleText.Hit(stage, port, $"{RuleText.DescribeCapitalised(stage)} exposes port 22 (SSH).");
                }
            }
        }
    }
}
