using Shipshape.Core.Model;


namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-110: a package manager is told to accept packages without a valid signature: apk
/// --allow-untrusted, apt-get --allow-unauthenticated/--force-yes, yum/dnf/tdnf/microdnf --nogpgcheck,
/// zypper --no-gpg-checks, rpm --nosignature/--nodigest/--noverify/--nofiledigest, --setopt=gpgcheck=0.
/// </summary>
public sealed class DockerfileUnsignedPackagesRule : IRule
{
    public string Id => "SHP-CTR-110";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                if (run.Commands.Select(Reason).FirstOrDefault(r => r is not null) is { } reason)
                {
                    yield return new RuleHit(stage, run.Span, "RUN",
                        $"{RuleText.DescribeCapitalised(stage)} installs packages without verifying their signatures ({reason}).");
                }
            }
        }
    }

    private static string? Reason(ShellCommand command)
    {
        var p = command.Program;
        string? option = p switch
        {
            "apk" => First(command, "--allow-untrusted"),
            "apt-get" or "apt" or "aptitude" => First(command, "--allow-unauthenticated", "--force-yes")
                ?? (command.Arguments.Any(a => a.Contains("AllowUnauthenticated=true", StringComparison.OrdinalIgnoreCase)) ? "APT::Get::AllowUnauthenticated" : null),
            "yum" or "dnf" or "tdnf" or "microdnf" => First(command, "--nogpgcheck"),
            "zypper" => First(command, "--no-gpg-checks"),
            "rpm" => First(command, "--nosignature", "--nodigest", "--noverify", "--nofiledigest"),
            _ => null,
        };
        option ??= command.Arguments.FirstOrDefault(a => a.StartsWith("--setopt=", StringComparison.Ordinal)
            && a.Contains("gpgcheck=", StringComparison.OrdinalIgnoreCase)
            && a[(a.LastIndexOf('=') + 1)..] is "0" or "false" or "False" or "no");
        return option is null ? null : $"{p} {option}";
    }

    private static string? First(ShellCommand command, params string[] options) =>
        options.FirstOrDefault(o => command.HasOption(o));
}
