using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-120: apt-get install without --no-install-recommends: apt also installs every recommended package,
/// which the image does not need (Dockerfile best practices, "apt-get"; apt-get(8)).
/// </summary>
public sealed class DockerfileInstallRecommendsRule : IRule
{
    public string Id => "SHP-CTR-120";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                var install = DockerfileCommands.Packages(run).FirstOrDefault(p =>
                    p.Manager == "apt-get" && p.Installs && p.Packages.Any()
                    && !p.Has("--no-install-recommends")
                    && !p.Options.Any(o => o.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase)
                        || o.Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase)));
                if (install is not null)
                {
                    yield return DockerfileCommands.Hit(stage, run,
                        $"{RuleText.DescribeCapitalised(stage)} runs 'apt-get install' without --no-install-recommends, so recommended packages are installed too.");
                }
            }
        }
    }
}
