using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>The base images of Dockerfile stages that name a real image: not an earlier stage, not scratch, resolvable.</summary>
internal static class BaseImages
{
    public static IEnumerable<(DockerfileStage Stage, ImageReference Image)> Of(ModelSet model) =>
        model.OfType<DockerfileStage>()
            .Where(s => s.ParentStage is null && s.BaseImage.IsKnown && !s.FromScratch)
            .Select(s => (Stage: s, Parsed: ImageReference.TryParse(s.BaseImage.Current, out var image) ? image : null))
            .Where(p => p.Parsed is not null)
            .Select(p => (p.Stage, p.Parsed!));
}
