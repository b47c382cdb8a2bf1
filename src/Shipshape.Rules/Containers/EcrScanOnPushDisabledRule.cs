using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-030: an ECR repository does not scan images on push.</summary>
public sealed class EcrScanOnPushDisabledRule : IRule
{
    public string Id => "SHP-CTR-030";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var repo in model.OfType<EcrRepository>())
        {
            if (!repo.ScanOnPush.IsKnown)
            {
                yield return RuleHit.Undecidable(repo, repo.ScanOnPush, $"ECR repository '{repo.Address}' takes scan on push from a value that is not known here.");
            }
            else if (repo.ScanOnPush.Current is false)
            {
                yield return RuleText.Hit(repo, repo.ScanOnPush, repo.ScanOnPush.IsExplicit
                    ? $"ECR repository '{repo.Address}' disables scan on push."
                    : $"ECR repository '{repo.Address}' does not enable scan on push (the default is off).");
            }
        }
    }
}
