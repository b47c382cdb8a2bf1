using System.Collections.Immutable;
using Shipshape.Core.Model;


namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-104: a RUN pipes a downloaded script into a shell (curl … | sh, sh -c "$(wget …)", bash &lt;(curl …)).</summary>
public sealed class DockerfileRemoteScriptToShellRule : IRule
{
    private static readonly string[] Shells = ["sh", "bash", "zsh", "dash", "ash", "ksh"];
    private static readonly string[] Downloaders = ["curl", "wget"];

    public string Id => "SHP-CTR-104";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                if (PipesDownloadToShell(run.Pipelines))
                {
                    yield return new RuleHit(stage, run.Span, "RUN",
                        $"{RuleText.DescribeCapitalised(stage)} runs a script downloaded at build time straight in a shell, unverified.");
                }
            }
        }
    }

    /// <summary>Whether a shell command pipes a curl or wget download into a shell, or runs one from a command substitution.</summary>
    public static bool PipesDownloadToShell(IEnumerable<ImmutableArray<ShellCommand>> pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        foreach (var pipeline in pipelines)
        {
            var downloaded = false;
            foreach (var simple in pipeline)
            {
                var isShell = Shells.Contains(simple.Program, StringComparer.Ordinal);
                if (downloaded && isShell)
                {
                    return true;
                }

                if (isShell && simple.Arguments.Any(a => Downloaders.Any(d =>
                        a.Contains("$(" + d + " ", StringComparison.Ordinal) || a.Contains("<(" + d + " ", StringComparison.Ordinal))))
                {
                    return true;
                }

                downloaded |= Downloaders.Contains(simple.Program, StringComparer.Ordinal);
            }
        }

        return false;
    }
}
