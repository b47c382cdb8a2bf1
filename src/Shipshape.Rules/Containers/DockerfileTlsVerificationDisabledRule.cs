using System.Collections.Immutable;
using Shipshape.Core.Model;


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
                if (run.Commands.Select(Command).FirstOrDefault(r => r is not null) is { } reason)
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
            case "npm" or "yarn" or "pnpm" when SetsFalse(args, args.IndexOf("set") + 1, "strict-ssl"):
                return $"{command.Program} strict-ssl false";
            case "git" when SetsFalse(args, args.IndexOf("config") + 1, "sslverify") || args.Any(a => IsFalseSetting(a, "sslverify")):
                return "git http.sslVerify false";
            case "yum-config-manager" or "dnf-config-manager" or "yum" or "dnf" or "dnf5" or "tdnf" or "microdnf"
                when args.Any(a => a.StartsWith("--setopt=", StringComparison.Ordinal) && IsFalseSetting(a["--setopt=".Length..], "sslverify")):
                return $"{command.Program} sslverify off";
        }

        return null;
    }

    /// <summary>After a "set"/"config" verb (at <paramref name="from"/>, 0 when absent): "key=false" or "key false", with options skipped and the key matched at its end.</summary>
    private static bool SetsFalse(ImmutableArray<string> args, int from, string key)
    {
        if (from <= 0)
        {
            return false;
        }

        var i = from;
        while (i < args.Length && args[i].StartsWith('-'))
        {
            i++;
        }

        return i < args.Length
            && (IsFalseSetting(args[i], key)
                || (args[i].EndsWith(key, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length && IsFalse(args[i + 1])));
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
