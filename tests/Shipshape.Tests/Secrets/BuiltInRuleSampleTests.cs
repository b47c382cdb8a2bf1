using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;

namespace Shipshape.Tests.Secrets;

public sealed class BuiltInRuleSampleTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in GitleaksConfigLoader.BuiltIn.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void BuiltIn_Loaded_HasAtLeast150RulesEachWithSamples()
    {
        var rules = GitleaksConfigLoader.BuiltIn.Rules;
        Assert.True(rules.Length >= 150, $"only {rules.Length} rules");
        var withoutSamples = rules.Where(r => r.Regex is not null && (r.TruePositives.IsEmpty || r.FalsePositives.IsEmpty)).Select(r => r.Id).ToList();
        Assert.Empty(withoutSamples);
    }

    [Fact]
    public void BuiltIn_Compiled_EveryRuleHasKeywordsOrAPath()
    {
        var unfiltered = GitleaksConfigLoader.BuiltIn.Rules.Where(r => r.Keywords.IsEmpty && r.Path is null).Select(r => r.Id).ToList();
        Assert.Empty(unfiltered);
        Assert.Equal(GitleaksConfigLoader.BuiltIn.Rules.Length, SecretEngine.Default.RuleCount);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_Samples_TruePositivesFoundAndFalsePositivesNot(string id)
    {
        var rule = GitleaksConfigLoader.BuiltIn.Rules.Single(r => r.Id == id);
        var engine = SecretEngine.Default;
        foreach (var sample in rule.TruePositives)
        {
            // Through the whole engine: the keyword prefilter must let the rule run.
            var hits = engine.Scan(sample, "src/config.txt");
            Assert.True(hits.Any(h => h.RuleId == id), $"{id}: true positive not found: {sample}");
        }

        foreach (var sample in rule.FalsePositives)
        {
            var hits = engine.ScanWithRule(id, sample, "src/config.txt");
            Assert.True(hits.IsEmpty, $"{id}: false positive reported: {sample}");
        }
    }
}
