using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-040: an EKS cluster names a Kubernetes version whose extended support has ended, so the control plane
/// gets no security patches and EKS upgrades it on its own schedule. An absent version is EKS's current default.
/// </summary>
public sealed class EksUnsupportedVersionRule : IRule
{
    public string Id => "SHP-CTR-040";

    /// <summary>
    /// The newest Kubernetes minor version (of 1.x) whose extended support has ended, with that date, from the Amazon EKS
    /// Kubernetes version lifecycle table (1.31: end of extended support 26 November 2026). A fixed table keeps scans
    /// reproducible; it moves with releases of Shipshape.
    /// </summary>
    private const int LastUnsupportedMinor = 31;

    private const string LastUnsupportedEnd = "26 November 2026";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            if (cluster.Version is { IsExplicit: true, Current: { } text } version && Minor(text) is { } minor && minor <= LastUnsupportedMinor)
            {
                var field = cluster.SourceFormat == "cloudformation" ? "Version" : "version";
                yield return RuleText.Hit(cluster, version,
                    $"EKS cluster '{cluster.Address}' sets {field} to Kubernetes {text.Trim()}, which Amazon EKS no longer supports "
                    + $"(extended support for 1.{LastUnsupportedMinor} and every earlier version ended by {LastUnsupportedEnd}).");
            }
        }
    }

    /// <summary>The minor version of "1.NN" (a patch or eks suffix is ignored); null for anything else, which is not judged.</summary>
    private static int? Minor(string version)
    {
        var parts = version.Trim().TrimStart('v').Split('.');
        return parts.Length >= 2 && parts[0] == "1" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }
}
