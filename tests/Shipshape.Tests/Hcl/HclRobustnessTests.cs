using System.Diagnostics;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hcl;

/// <summary>Hostile and broken input: the parser always terminates, never throws, and reports lines it can name.</summary>
public sealed class HclRobustnessTests
{
    [SharedCorpusFact("corpus/realworld")]
    public void Parse_TruncatedAndMutatedCorpusFiles_NeverThrowsOrHangs()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus", "realworld"), "*.tf", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Where((_, i) => i % 10 == 0).ToList();
        var random = new Random(4);
        var clock = Stopwatch.StartNew();
        var inputs = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            for (var round = 0; round < 4; round++)
            {
                var cut = random.Next(text.Length + 1);
                var mutated = round switch
                {
                    0 => text[..cut],
                    1 => text.Insert(cut, "${"),
                    2 => text.Insert(cut, "\"<<EOF %{ if"),
                    _ => text.Remove(cut, Math.Min(3, text.Length - cut)),
                };
                var parsed = HclParser.Parse("fuzz.tf", mutated);
                Assert.All(parsed.Diagnostics, d => Assert.True(d.Location.StartLine >= 1, d.Message));
                inputs++;
            }
        }

        Assert.True(inputs > 500, $"only {inputs} inputs");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(50_000, "(")]
    [InlineData(50_000, "{a=")]
    [InlineData(50_000, "\"${")]
    [InlineData(50_000, "-")]
    [InlineData(50_000, "!")]
    [InlineData(50_000, "a ? ")]
    [InlineData(50_000, "x { ")]
    public void Parse_DeeplyRepeatedOpeners_DiagnosticNotStackOverflow(int count, string opener)
    {
        var text = "a = " + string.Concat(Enumerable.Repeat(opener, count)) + "1\n";
        if (opener == "x { ")
        {
            text = string.Concat(Enumerable.Repeat(opener, count));
        }

        var parsed = HclParser.Parse("deep.tf", text);

        Assert.NotEmpty(parsed.Diagnostics);
    }

    [Fact]
    public void Evaluate_ExponentialTemplateFile_StopsAtTheBudget()
    {
        using var tree = new TempTree();
        tree.Write("t.tpl", "${templatefile(\"t.tpl\", {})}${templatefile(\"t.tpl\", {})}");
        var (expression, _) = HclParser.ParseExpression("main.tf", "templatefile(\"t.tpl\", {})");
        var scope = new HclScope(System.Collections.Immutable.ImmutableDictionary<string, HclValue>.Empty, null, new Shipshape.Ingest.Terraform.TerraformFileSystem(tree.Root, tree.Root));
        var clock = Stopwatch.StartNew();

        var value = new HclEvaluator().Evaluate(expression!, scope);

        Assert.IsType<HclUnknown>(value);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
