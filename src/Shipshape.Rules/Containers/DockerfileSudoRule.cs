using Shipshape.Core.Model;


namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-108: a RUN uses sudo.</summary>
public sealed partial class DockerfileSudoRule : IRule
{
    public string Id => "SHP-CTR-108";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var run in stage.Runs)
            {
                if (run.Commands.Any(c => c.ViaSudo))
                {
                    yield return new RuleHit(stage, run.Span, "RUN",
                        $"{RuleText.DescribeCapitalised(stage)} runs a command with sudo; build steps already run as the current USER, switch with USER instead.");
                }
            }
        }

        // Dockle's DKL-DI-0001: sudo in the image, where any process that reaches it may try to use it, or in the
        // RUN steps its history recorded.
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var line in image.History.Where(h => SudoCommand().IsMatch(h.Current)))
            {
                yield return RuleText.Hit(image, line, $"{RuleText.Describe(image)} was built with a step that runs a command with sudo ({line.Path}); build steps already run as the current USER, switch with USER instead.");
            }

            foreach (var file in image.Files.Where(f => f.IsFile && ImageFileKinds.Of(f.Path) == ImageFileKind.Sudo))
            {
                yield return new RuleHit(image, file.Span, file.Path, $"{RuleText.Describe(image)} ships sudo (/{file.Path}, added in layer {file.Layer}); containers switch users with USER, not sudo.");
            }
        }
    }

    // sudo as a command of a RUN step: at the start of the shell command or after ;, &&, || or |.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:/bin/sh -c |^RUN |[;&|]\s*)sudo\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SudoCommand();
}
