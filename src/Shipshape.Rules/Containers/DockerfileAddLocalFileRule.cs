using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-111: ADD copies local files that are not tar archives: COPY does the same without ADD's implicit
/// extraction and remote fetching (Dockerfile best practices, "ADD or COPY"). Remote sources are SHP-CTR-103's.
/// </summary>
public sealed class DockerfileAddLocalFileRule : IRule
{
    // The archive formats ADD extracts (Dockerfile reference, "ADD": identity, gzip, bzip2, xz).
    private static readonly string[] Archives = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst"];

    public string Id => "SHP-CTR-111";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var add in stage.Instructions.Where(i => i.Keyword == "ADD" && i.Heredocs.IsEmpty && i.Words.Length >= 2))
            {
                var sources = add.Words[..^1];
                if (sources.Any(IsRemote) || sources.Any(s => s.Contains('$', StringComparison.Ordinal)))
                {
                    continue;
                }

                var local = sources.FirstOrDefault(s => !Archives.Any(a => s.EndsWith(a, StringComparison.OrdinalIgnoreCase)));
                if (local is not null)
                {
                    yield return DockerfileCommands.Hit(stage, add,
                        $"{RuleText.DescribeCapitalised(stage)} uses ADD to copy '{local}'; use COPY for local files and directories.");
                }
            }
        }
    }

    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.OrdinalIgnoreCase);
}
