using System.Diagnostics;
using Shipshape.Hcl.Syntax;
using Shipshape.Tests.Support;
using Xunit.Abstractions;

namespace Shipshape.Tests.Hcl;

/// <summary>Every .tf file of the real-world and checkov corpora parses without a syntax error, quickly.</summary>
public sealed class HclCorpusParseTests(ITestOutputHelper output)
{
    [SharedCorpusFact("corpus/realworld", "corpus/checkov/terraform")]
    public void Parse_EveryCorpusTfFile_NoSyntaxErrors()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus"), "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        var errors = files.SelectMany(f => HclParser.Parse(f, File.ReadAllText(f)).Diagnostics).ToList();
        clock.Stop();

        output.WriteLine($"{files.Count} files parsed in {clock.ElapsedMilliseconds} ms, {errors.Count} errors");
        Assert.True(files.Count > 1400, $"only {files.Count} files");
        // Two checkov fixtures use HCL1's block-inside-a-list form (statement = [{ principals { … } }]), which
        // Terraform 0.12+ rejects too; nothing else may fail.
        Assert.Equal(
            ["data_AdminPolicyDocument/main.tf", "data_StarActionPolicyDocument/main.tf"],
            errors.Select(e => Path.GetRelativePath(Path.Combine(TestPaths.Shared, "corpus", "checkov", "terraform"), e.Location.Path).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }
}
