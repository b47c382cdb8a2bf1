using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-123: a shell-form RUN pipes commands without pipefail: the shell judges a pipeline by its last
/// command only, so a failed download piped into another command still lets the build succeed (Dockerfile best
/// practices, "Using pipes"). Passes when SHELL sets -o pipefail, or the RUN sets it before the pipe. Shells
/// other than POSIX ones (PowerShell, cmd) are not judged.
/// </summary>
public sealed class DockerfilePipefailRule : IRule
{
    private static readonly string[] PosixShells = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"];

    public string Id => "SHP-CTR-123";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var (run, shell) in DockerfileCommands.RunsWithShell(stage))
            {
                if (run.ExecForm is not null || !IsPosix(shell) || SetsPipefail(shell))
                {
                    continue;
                }

                var set = false;
                foreach (var pipeline in run.Pipelines)
                {
                    // set -o pipefail, set -euo pipefail.
                    set |= pipeline.Any(c => c.Program == "set" && c.Arguments.Contains("pipefail"));
                    if (!set && pipeline.Length > 1)
                    {
                        yield return DockerfileCommands.Hit(stage, run,
                            $"{RuleText.DescribeCapitalised(stage)} pipes '{pipeline[0].Program}' into '{pipeline[1].Program}' in a RUN without pipefail, so a failure of '{pipeline[0].Program}' does not fail the build; set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or 'set -o pipefail' first.");
                        break;
                    }
                }
            }
        }
    }

    private static bool IsPosix(ImmutableArray<string>? shell) =>
        shell is not { Length: > 0 } words || PosixShells.Contains(Path.GetFileName(words[0]), StringComparer.Ordinal);

    private static bool SetsPipefail(ImmutableArray<string>? shell) =>
        shell is { } words && words.Contains("pipefail");
}
