using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-126: COPY --from names the stage it is in, or a name that is neither an earlier stage (alias or index)
/// nor an image reference: a stage cannot copy from itself or a later stage (Dockerfile reference, "COPY --from").
/// </summary>
public sealed class DockerfileCopyFromUnknownStageRule : IRule
{
    public string Id => "SHP-CTR-126";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stages in DockerfileCommands.ByFile(model))
        {
            foreach (var stage in stages)
            {
                foreach (var copy in stage.Instructions.Where(i => i.Keyword == "COPY"))
                {
                    if (copy.Flag("from") is not { Length: > 0 } from || from.Contains('$', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var own = string.Equals(from, stage.Alias, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(from, stage.Index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                    if (own)
                    {
                        yield return DockerfileCommands.Hit(stage, copy, $"{RuleText.DescribeCapitalised(stage)} uses COPY --from={from}, its own stage; a stage cannot copy from itself.");
                        continue;
                    }

                    var earlier = stages.Any(s => s.Index < stage.Index && (string.Equals(s.Alias, from, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(s.Index.ToString(CultureInfo.InvariantCulture), from, StringComparison.Ordinal)));
                    // Anything else is read as an image name (Dockerfile reference): only a bare name that a later stage
                    // defines, or a number that is not an earlier index, is certainly a mistake.
                    var later = stages.Any(s => s.Index > stage.Index && (string.Equals(s.Alias, from, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(s.Index.ToString(CultureInfo.InvariantCulture), from, StringComparison.Ordinal)));
                    if (!earlier && (later || from.All(char.IsAsciiDigit)))
                    {
                        yield return DockerfileCommands.Hit(stage, copy,
                            $"{RuleText.DescribeCapitalised(stage)} uses COPY --from={from}, which is not an earlier stage; stages can only copy from stages defined before them.");
                    }
                }
            }
        }
    }
}
