using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-124: CMD or ENTRYPOINT in shell form: the process runs as a child of /bin/sh -c, so it is not PID 1 and
/// does not receive SIGTERM on docker stop or task stop (Dockerfile reference, "ENTRYPOINT", exec and shell form).
/// A shell form that starts with <c>exec</c> replaces the shell with the process, as the reference recommends, and passes.
/// </summary>
public sealed class DockerfileShellFormCommandRule : IRule
{
    public string Id => "SHP-CTR-124";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var command in stage.Instructions.Where(i => i.Keyword is "CMD" or "ENTRYPOINT" && i.ExecForm is null && i.Arguments.Trim().Length > 0
                && !StartsWithExec(i.Arguments)))
            {
                yield return DockerfileCommands.Hit(stage, command,
                    $"{RuleText.DescribeCapitalised(stage)} writes {command.Keyword} in shell form; use the JSON (exec) form, {command.Keyword} [\"executable\", \"arg\"], so the process gets signals as PID 1.");
            }
        }
    }

    private static bool StartsWithExec(string arguments) =>
        arguments.TrimStart().StartsWith("exec ", StringComparison.Ordinal) || arguments.TrimStart().StartsWith("exec\t", StringComparison.Ordinal);
}
