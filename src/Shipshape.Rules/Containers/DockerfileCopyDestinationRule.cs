using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-128: COPY or ADD with several sources whose destination does not end with '/': Docker requires the
/// destination to be a directory then, and the build fails (Dockerfile reference, "COPY", destination).
/// </summary>
public sealed class DockerfileCopyDestinationRule : IRule
{
    public string Id => "SHP-CTR-128";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var copy in stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && i.Heredocs.IsEmpty && i.Words.Length > 2))
            {
                var destination = copy.Words[^1];
                if (!destination.EndsWith('/') && !destination.EndsWith('\\') && !destination.Contains('$', StringComparison.Ordinal) && destination != ".")
                {
                    yield return DockerfileCommands.Hit(stage, copy,
                        $"{RuleText.DescribeCapitalised(stage)} uses {copy.Keyword} with {copy.Words.Length - 1} sources and the destination '{destination}', which does not end with '/'.");
                }
            }
        }
    }
}
