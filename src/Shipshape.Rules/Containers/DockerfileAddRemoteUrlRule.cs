using Shipshape.Core.Model;


namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-103: ADD fetches a remote URL (HTTP or git) into the image.</summary>
public sealed class DockerfileAddRemoteUrlRule : IRule
{
    public string Id => "SHP-CTR-103";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var add in stage.Instructions.Where(i => i.Keyword == "ADD"))
            {
                var words = add.Words;
                // The last word is the destination; every other one is a source.
                var remote = words.Take(Math.Max(0, words.Length - 1)).FirstOrDefault(IsRemote);
                if (remote is not null)
                {
                    // --checksum pins the content of an HTTP source (Dockerfile reference, "ADD --checksum").
                    if (add.Flag("checksum") is { Length: > 0 } && !IsGit(remote))
                    {
                        continue;
                    }

                    yield return new RuleHit(stage, add.Span, "ADD",
                        $"{RuleText.DescribeCapitalised(stage)} uses ADD to fetch '{remote}' at build time; download with a verified checksum, or COPY a vendored file.");
                }
            }
        }
    }

    private static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || IsGit(source);

    private static bool IsGit(string source) =>
        source.StartsWith("git@", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || source.EndsWith(".git", StringComparison.OrdinalIgnoreCase);
}
