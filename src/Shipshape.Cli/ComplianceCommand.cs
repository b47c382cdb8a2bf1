using System.CommandLine;
using Shipshape.Core;
using Shipshape.Engine.Configuration;
using Shipshape.Reporting;
using Shipshape.Rules;

namespace Shipshape.Cli;

/// <summary>`shipshape compliance …`: the frameworks Shipshape maps its rules to, and which rules check which requirement.</summary>
internal static class ComplianceCommand
{
    public static Command Build(FrameworkCatalog frameworks, RuleCatalog rules, TextWriter stdout)
    {
        var command = new Command("compliance", "The compliance frameworks: list them, or show one's requirements and the rules that check them.");
        var list = new Command("list", "List the frameworks: name, version, requirements and how many of them rules check.");
        list.SetAction(_ =>
        {
            // One column for the IDs, as wide as the longest, so the names line up.
            var width = frameworks.Frameworks.Select(f => f.Id.Length).DefaultIfEmpty(0).Max();
            foreach (var framework in frameworks.Frameworks)
            {
                var mapped = frameworks.RulesFor(framework);
                var total = framework.Requirements.Count();
                var automated = mapped.Values.Count(r => !r.IsEmpty);
                stdout.WriteLine($"{framework.Id.PadRight(width)} {framework.Name} {framework.Version}: {total} requirements, {automated} checked by rules, {total - automated} manual");
            }

            return ExitCodes.Clean;
        });
        var name = new Argument<string>("name") { Description = "The framework, as 'compliance list' names it (e.g. aws-fsbp)." };
        var show = new Command("show", "Show a framework's sections and requirements, each with the rules that check it or 'manual'.") { name };
        show.SetAction(parse =>
        {
            var options = Options(frameworks, parse.GetValue(name) ?? string.Empty);
            var framework = options.Framework;
            stdout.WriteLine($"{framework.Name} {framework.Version} ({framework.Id})");
            stdout.WriteLine(framework.Url);
            foreach (var section in framework.Sections)
            {
                stdout.WriteLine();
                stdout.WriteLine($"{section.Id} {section.Title}");
                foreach (var requirement in section.Requirements)
                {
                    stdout.WriteLine($"  {requirement.Id}  {requirement.Title}");
                    var mapped = options.RulesByRequirement[requirement.Id];
                    stdout.WriteLine(mapped.IsEmpty
                        ? "      manual"
                        : string.Join("\n", mapped.Select(id => $"      {id} {(rules.TryGet(id, out var m) ? m.Title : string.Empty)}")));
                }
            }

            return ExitCodes.Clean;
        });
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>The compliance view's options for a framework name; an unknown name is a usage error listing the known ones.</summary>
    public static ComplianceOptions Options(FrameworkCatalog frameworks, string name)
    {
        var framework = frameworks.Find(name.Trim())
            ?? throw new ConfigException($"unknown framework '{name}' (known: {string.Join(", ", frameworks.Frameworks.Select(f => f.Id))})");
        return new ComplianceOptions(framework, frameworks.RulesFor(framework));
    }
}
