using System.Collections.Frozen;
using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// What the Dockerfile hygiene rules share: hits on an instruction, the stages whose layers end up in the image,
/// the shell in force, and package-manager invocations read from the model's simple commands (program, verb,
/// options and the packages named), following each tool's own command reference.
/// </summary>
internal static class DockerfileCommands
{
    /// <summary>A hit on an instruction, told apart from other hits of the stage by its text (not its line, which moves).</summary>
    public static RuleHit Hit(DockerfileStage stage, DockerfileInstruction instruction, string message, string? detail = null) =>
        new(stage, instruction.Span, instruction.Keyword, message,
            instruction.Keyword + " " + string.Join(' ', instruction.Arguments.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            + (detail is null ? string.Empty : "\0" + detail));

    /// <summary>
    /// The stages whose layers the produced image contains: the final stage and the stages it builds on
    /// (FROM an earlier alias). Other stages only feed files through COPY --from and are discarded
    /// (Docker, "Multi-stage builds").
    /// </summary>
    public static IEnumerable<DockerfileStage> InImage(ModelSet model)
    {
        foreach (var stages in ByFile(model))
        {
            var current = stages.FirstOrDefault(s => s.IsFinal);
            var seen = new HashSet<int>();
            while (current is not null && seen.Add(current.Index))
            {
                yield return current;
                var parent = current.ParentStage;
                current = parent is null ? null : stages.LastOrDefault(s =>
                    s.Index < current.Index && string.Equals(s.Alias, parent, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>The stages of each Dockerfile, in order.</summary>
    public static IEnumerable<List<DockerfileStage>> ByFile(ModelSet model) =>
        model.OfType<DockerfileStage>().GroupBy(s => s.Span.Path, StringComparer.Ordinal).Select(g => g.OrderBy(s => s.Index).ToList());

    /// <summary>The RUN instructions that call <paramref name="program"/> (after sudo, env and the like), with their stage.</summary>
    public static IEnumerable<(DockerfileStage Stage, DockerfileInstruction Run)> RunsCalling(ModelSet model, string program) =>
        model.OfType<DockerfileStage>().SelectMany(s => s.Runs.Where(r => r.Commands.Any(c => c.Program == program)).Select(r => (s, r)));

    /// <summary>The RUN instructions of a stage with the SHELL in force for each (null: the default /bin/sh -c).</summary>
    public static IEnumerable<(DockerfileInstruction Run, ImmutableArray<string>? Shell)> RunsWithShell(DockerfileStage stage)
    {
        ImmutableArray<string>? shell = null;
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Keyword == "SHELL")
            {
                shell = instruction.ExecForm;
            }
            else if (instruction.Keyword == "RUN")
            {
                yield return (instruction, shell);
            }
        }
    }

    /// <summary>Each package-manager invocation of a RUN, in order, with its index among the RUN's simple commands.</summary>
    public static IEnumerable<PackageCommand> Packages(DockerfileInstruction run)
    {
        var index = 0;
        foreach (var command in run.Commands)
        {
            if (PackageCommand.From(command, index) is { } package)
            {
                yield return package;
            }

            index++;
        }
    }
}

/// <summary>
/// One package-manager command: the manager (apt-get, apt, apk, yum, dnf, microdnf, tdnf, zypper, pip, npm, yarn,
/// gem), its verb (install, add, update, …), its options and the operands after the verb.
/// </summary>
internal sealed record PackageCommand(string Manager, string Verb, ShellCommand Command, ImmutableArray<string> Options, ImmutableArray<string> Operands, int Index)
{
    // Options that take the next word as their value, per manager (each tool's command reference).
    private static readonly FrozenDictionary<string, FrozenSet<string>> ValueOptions = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["apt-get"] = Set("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release"),
        ["apk"] = Set("-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"),
        ["yum"] = Set("-c", "--config", "--releasever", "--installroot", "--enablerepo", "--disablerepo", "-x", "--exclude", "--repo", "--repoid", "--setopt", "--nodocs-x"),
        ["zypper"] = Set("-r", "--repo", "-t", "--type", "--from", "-R", "--root"),
        ["pip"] = Set("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host", "--platform", "--python-version", "--implementation",
            "--abi", "--no-binary", "--only-binary", "--progress-bar", "--src", "--upgrade-strategy", "--cache-dir", "--log", "--proxy",
            "--retries", "--timeout", "--cert", "--client-cert", "--exists-action", "--global-option", "--install-option",
            "--config-settings", "-C", "--python"),
        ["npm"] = Set("--prefix", "--registry", "--cache", "-w", "--workspace", "--omit", "--include", "--tag", "--loglevel", "--userconfig"),
        ["yarn"] = Set("--cwd", "--registry", "--cache-folder", "--modules-folder", "--network-timeout", "--mutex"),
        ["gem"] = Set("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "--build-root"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenSet<string> Set(params string[] options) => options.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The manager family a program belongs to, or null: dnf, microdnf and tdnf read yum's options.</summary>
    private static string? FamilyOf(string program) => program switch
    {
        "apt-get" or "apt" or "aptitude" => "apt-get",
        "apk" => "apk",
        "yum" or "dnf" or "dnf5" or "microdnf" or "tdnf" => "yum",
        "zypper" => "zypper",
        "npm" => "npm",
        "yarn" => "yarn",
        "gem" => "gem",
        _ when IsPip(program) => "pip",
        _ => null,
    };

    private static bool IsPip(string program) =>
        program is "pip" or "pip3" || (program.StartsWith("pip3.", StringComparison.Ordinal) && program.Length > 5);

    private static bool IsPython(string program) =>
        program is "python" or "python3" || (program.StartsWith("python3.", StringComparison.Ordinal) && program.Length > 8);

    /// <summary>The family whose options the manager reads: "apt-get" (apt, aptitude), "yum" (dnf, microdnf, tdnf), "apk", "zypper", "pip", "npm", "yarn", "gem".</summary>
    public string Family => FamilyOf(Manager)!;

    public static PackageCommand? From(ShellCommand command, int index)
    {
        ArgumentNullException.ThrowIfNull(command);
        var program = command.Program;
        IEnumerable<string> args = command.Arguments;
        // python -m pip install …
        if (IsPython(program) && command.Arguments.Length >= 2 && command.Arguments[0] == "-m" && IsPip(command.Arguments[1]))
        {
            program = "pip";
            args = command.Arguments.Skip(2);
        }

        var family = FamilyOf(program);
        if (family is null)
        {
            return null;
        }

        var manager = IsPip(program) ? "pip" : program;
        var valued = ValueOptions.GetValueOrDefault(family) ?? FrozenSet<string>.Empty;
        var options = ImmutableArray.CreateBuilder<string>();
        var operands = ImmutableArray.CreateBuilder<string>();
        string? verb = null;
        using var words = args.GetEnumerator();
        while (words.MoveNext())
        {
            var word = words.Current;
            if (word.StartsWith('-') && word.Length > 1)
            {
                options.Add(word);
                if (valued.Contains(word) && words.MoveNext())
                {
                    // Keep "option value" together so "-o APT::Install-Recommends=false" reads as one setting.
                    options[^1] = word + "=" + words.Current;
                }

                continue;
            }

            if (verb is null)
            {
                verb = word;
            }
            else
            {
                operands.Add(word);
            }
        }

        return verb is null ? null : new PackageCommand(manager, verb, command, options.ToImmutable(), operands.ToImmutable(), index);
    }

    /// <summary>Whether this installs packages: apt-get install, apk add, yum/dnf install, zypper install/in, pip install, npm install/i/add, yarn global add, gem install.</summary>
    public bool Installs => Family switch
    {
        "apt-get" or "yum" or "pip" or "gem" => Verb is "install",
        "apk" => Verb is "add",
        "zypper" => Verb is "install" or "in",
        "npm" => Verb is "install" or "i" or "add" or "isntall",
        "yarn" => Verb is "add" or "install" || (Verb == "global" && Operands.FirstOrDefault() == "add"),
        _ => false,
    };

    /// <summary>Whether an option is given: exactly, as "option=value", or (one letter) inside a combined short option.</summary>
    public bool Has(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var option in Options)
        {
            foreach (var name in names)
            {
                if (string.Equals(option, name, StringComparison.Ordinal) || option.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return true;
                }

                if (name.Length == 2 && name[0] == '-' && name[1] != '-' && option.Length > 2 && option[1] != '-'
                    && !option.Contains('=', StringComparison.Ordinal) && option.AsSpan(1).IndexOf(name[1]) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The packages named (for yarn global add, after "add"); files, paths, URLs and variables are not packages.</summary>
    public IEnumerable<string> Packages => (Family == "yarn" && Verb == "global" ? Operands.Skip(1) : Operands).Where(IsPackageName);

    private static bool IsPackageName(string word) =>
        word.Length > 0
        && !word.Contains('$', StringComparison.Ordinal)
        && (!word.Contains('/', StringComparison.Ordinal) || word.StartsWith('@'))
        && !word.StartsWith('.')
        && !word.Contains("://", StringComparison.Ordinal)
        && !word.EndsWith(".deb", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".rpm", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".apk", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".gem", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
        && !word.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
