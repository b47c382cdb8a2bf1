using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-117: WORKDIR with a relative path, which is resolved against the previous WORKDIR (Dockerfile
/// reference, "WORKDIR"), so the directory depends on instructions elsewhere, possibly in the base image.
/// </summary>
public sealed class DockerfileRelativeWorkdirRule : IRule
{
    public string Id => "SHP-CTR-117";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var workdir in stage.Instructions.Where(i => i.Keyword == "WORKDIR" && i.Words.Length > 0))
            {
                var path = workdir.Words[0];
                if (!IsAbsolute(path) && !path.StartsWith('$'))
                {
                    yield return DockerfileCommands.Hit(stage, workdir,
                        $"{RuleText.DescribeCapitalised(stage)} sets WORKDIR to the relative path '{path}'; use an absolute path.");
                }
            }
        }
    }

    /// <summary>"/app", or a Windows path "C:\app", "C:/app", "\app".</summary>
    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\')
        || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');
}
