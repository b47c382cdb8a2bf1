using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-129: a stage downloads with both curl and wget: two tools for one job, both kept in the image.</summary>
public sealed class DockerfileCurlAndWgetRule : IRule
{
    public string Id => "SHP-CTR-129";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            var curl = stage.Runs.FirstOrDefault(r => r.Commands.Any(c => c.Program == "curl"));
            var wget = stage.Runs.FirstOrDefault(r => r.Commands.Any(c => c.Program == "wget"));
            if (curl is not null && wget is not null)
            {
                // The second tool is the one to drop: the finding sits on the RUN that brings it in.
                var later = curl.Span.StartLine >= wget.Span.StartLine ? curl : wget;
                var tool = ReferenceEquals(later, curl) ? "curl" : "wget";
                yield return DockerfileCommands.Hit(stage, later,
                    $"{RuleText.DescribeCapitalised(stage)} downloads with both curl and wget; use one of them ({tool} here).");
            }
        }
    }
}
