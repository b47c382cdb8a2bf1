using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;

namespace Shipshape.Tests.Secrets;

/// <summary>The source-generated copies of the hottest built-in patterns: current, used, and matching like the interpreter.</summary>
public sealed class GeneratedPatternsTests
{
    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var pattern in GeneratedPatterns.Patterns)
        {
            data.Add(pattern);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Pattern_IsTheTranslatedRegexOfABuiltInRule(string pattern)
    {
        // A rule edited in builtin.toml no longer matches its copy here: the copy would be dead code and the rule
        // would quietly run on the interpreter again.
        var rules = GitleaksConfigLoader.BuiltIn.Rules.Where(r => r.Regex is not null && RegexTranslator.Translate(r.Regex) == pattern).ToList();
        Assert.Single(rules);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Pattern_GeneratedAndInterpreted_FindTheSameMatchesAndGroups(string pattern)
    {
        var rule = GitleaksConfigLoader.BuiltIn.Rules.Single(r => r.Regex is not null && RegexTranslator.Translate(r.Regex) == pattern);
        var generated = GeneratedPatterns.For(pattern);
        Assert.NotNull(generated);
        Assert.NotEqual(typeof(Regex), generated.GetType());
        var interpreted = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        var texts = rule.TruePositives.Concat(rule.FalsePositives).ToList();
        texts.Add(string.Join("\n", texts));
        var matched = 0;
        foreach (var text in texts)
        {
            var expected = interpreted.Matches(text).Select(Describe).ToList();
            Assert.Equal(expected, generated.Matches(text).Select(Describe).ToList());
            matched += expected.Count;
        }

        Assert.True(matched > 0, $"{rule.Id}: no sample matches, so the comparison shows nothing");
    }

    private static string Describe(Match match) =>
        string.Join("|", match.Groups.Cast<Group>().Select(g => g.Success ? $"{g.Index}+{g.Length}" : "-"));
}
