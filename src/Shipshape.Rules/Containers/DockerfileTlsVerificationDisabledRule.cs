using Shipshape.Core.Model;
using Shipshape.Ingest.Dockerfile;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-109: a Dockerfile turns off TLS certificate verification: curl -k/--insecure, wget
/// --no-check-certificate, pip --trusted-host, npm/yarn strict-ssl false, git http.sslVerify false,
/// yum/dnf sslverify off, or the environment variables that do the same (GIT_SSL_NO_VERIFY,
/// NODE_TLS_REJECT_UNAUTHORIZED=0, NPM_CONFIG_STRICT_SSL=false, PIP_TRUSTED_HOST, PYTHONHTTPSVERIFY=0)
/// in ENV, ARG or a RUN line.
/// </summary>
public sealed class DockerfileTlsVerificationDisabledRule : IRule
{
    public string Id => "SHP-CTR-109";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var variable in stage.Environment.Concat(stage.BuildArgs))
            {
                if (variable.Val is { IsKnown: true, Current: { } value } && Variable(variable.Name.Current, value) is { } reason)
                {
                    yield return RuleText.Hit(stage, variable.Val, $"{RuleText.DescribeCapitalised(stage)} disables TLS certificate verification: {reason}.");
                }
            }

            foreach (var run in stage.Runs)
            {
                if (ShellSyntax.Commands(run.CommandText).Select(Command).FirstOrDefault(r => r is not null) is { } reason)
                {
                    yield return new RuleHit(stage, run.Span, "RUN", $"{RuleText.DescribeCapitalised(stage)} disables TLS certificate verification: {reason}.");
                }
            }
        }
    }

    /// <summary>Why an environment variable turns verification off, or null.</summary>
    internal static string? Variable(string name, string value)
    {
        var v = value.Trim();
        return name.ToUpperInvariant() switch
        {
            // Git ignores the value: any setting disables verification (git(1), GIT_SSL_NO_VERIFY).
            "GIT_SSL_NO_VERIFY" => "GIT_SSL_NO_VERIFY is set",
            "NODE_TLS_REJECT_UNAUTHORIZED" when v == "0" => "NODE_TLS_REJECT_UNAUTHORIZED=0",
            "NPM_CONFIG_STRICT_SSL" when string.Equals(v, "false", StringComparison.OrdinalIgnoreCase) => "npm strict-ssl is false",
            "PIP_TRUSTED_HOST" when v.Length > 0 => "PIP_TRUSTED_HOST is set",
            "PYTHONHTTPSVERIFY" when v == "0" => "PYTHONHTTPSVERIFY=0",
            _ => null,
        };
    }

    private static string? Command(ShellCommand command)
    {
        foreach (var assignment in command.Assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (Variable(assignment[..eq], assignment[(eq + 1)..]) is { } reason)
            {
                return reason;
            }
        }

        var args = command.Arguments;
        switch (command.Program)
        {
            case "curl" when command.HasOption("--insecure") || command.HasShortOption('k'):
                return "curl --insecure";
            case "wget" when command.HasOption("--no-check-certificate"):
                return "wget --no-check-certificate";
            case "pip" or "pip3" or "pipx" when command.HasOption("--trusted-host"):
            case "python" or "python3" when args.Contains("pip", StringComparer.Ordinal) && command.HasOption("--trusted-host"):
                return "pip --trusted-host";
            case "npm" or "yarn" or "pnpm" when SetsFalse(args, "strict-ssl"):
                return $"{command.Program} strict-ssl false";
            case "git" when SetsFalse(args, "sslverify"):
                return "git http.sslVerify false";
        }

        return args.Any(a => a.StartsWith("--setopt=", StringComparison.Ordinal) && IsFalseSetting(a["--setopt=".Length..], "sslverify"))
            ? $"{command.Program} sslverify off"
            : null;
    }

    /// <summary>"set key false", "set key=false", "config key false", "-c key=false", with key matched at its end, case-insensitively.</summary>
    private static bool SetsFalse(IReadOnlyList<string> args, string key)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (IsFalseSetting(args[i], key))
            {
                return true;
            }

            if (args[i].EndsWith(key, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count && IsFalse(args[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFalseSetting(string text, string key)
    {
        var eq = text.LastIndexOf('=');
        return eq > 0 && text[..eq].EndsWith(key, StringComparison.OrdinalIgnoreCase) && IsFalse(text[(eq + 1)..]);
    }

    private static bool IsFalse(string value) =>
        value.Trim() is var v && (v == "0" || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(v, "no", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "off", StringComparison.OrdinalIgnoreCase));
}
