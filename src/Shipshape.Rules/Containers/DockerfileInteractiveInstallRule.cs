using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-119: a package install that asks for confirmation: apt-get install without -y (or -qq), yum/dnf/
/// microdnf/tdnf install without -y, zypper install without -n or -y. A build has no terminal, so the prompt
/// aborts the install (apt-get(8), dnf(8), zypper(8)). DEBIAN_FRONTEND=noninteractive only silences debconf
/// questions, not this prompt.
/// </summary>
public sealed class DockerfileInteractiveInstallRule : IRule
{
    public string Id => "SHP-CTR-119";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                // "yes | apt-get install …" answers the prompt.
                var answered = run.Pipelines.Where(p => p.Length > 1 && p[0].Program == "yes").SelectMany(p => p).ToHashSet();
                var prompt = DockerfileCommands.Packages(run).FirstOrDefault(p => p.Installs && !answered.Contains(p.Command) && Prompts(p));
                if (prompt is not null)
                {
                    var flag = prompt.Family == "zypper" ? "zypper --non-interactive install" : $"{prompt.Manager} {prompt.Verb} -y";
                    yield return DockerfileCommands.Hit(stage, run,
                        $"{RuleText.DescribeCapitalised(stage)} runs '{prompt.Manager} {prompt.Verb}' without answering its confirmation prompt; use '{flag}'.");
                }
            }
        }
    }

    private static bool Prompts(PackageCommand p) => p.Family switch
    {
        "apt-get" => p.Manager != "aptitude" && !p.Has("-y", "--yes", "--assume-yes", "--force-yes") && !Quiet2(p)
            && !p.Options.Any(o => o.Contains("Assume-Yes=true", StringComparison.OrdinalIgnoreCase)),
        // microdnf and tdnf follow dnf's -y; zypper's global -n goes before the verb, -y after it.
        "yum" => !p.Has("-y", "--assumeyes"),
        "zypper" => !p.Has("-n", "--non-interactive", "-y", "--no-confirm"),
        _ => false,
    };

    /// <summary>apt-get -qq (or -q=2, -q -q) implies -y (apt-get(8), "-q, --quiet").</summary>
    private static bool Quiet2(PackageCommand p) =>
        p.Options.Any(o => o is "-q=2" or "--quiet=2" || (o.Length > 2 && o[1] != '-' && !o.Contains('=', StringComparison.Ordinal) && o.Count(c => c == 'q') >= 2))
        || p.Options.Count(o => o is "-q" or "--quiet") >= 2;
}
