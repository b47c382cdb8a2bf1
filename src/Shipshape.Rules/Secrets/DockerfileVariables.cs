using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// The ENV and ARG variables of Dockerfile stages that the plaintext-environment secret rules judge: ENV values are
/// stored in the image configuration and ARG values in its history, so both are plaintext environment of the image.
/// </summary>
internal static class DockerfileVariables
{
    /// <summary>Each stage's ENV pairs, then its ARG declarations, with the resolved value (null when unknown or absent).</summary>
    public static IEnumerable<(DockerfileStage Stage, KeyValue Variable, string Keyword, string? Value)> Of(ModelSet model)
    {
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var (variable, keyword) in stage.Environment.Select(e => (e, "ENV")).Concat(stage.BuildArgs.Select(a => (a, "ARG"))))
            {
                var value = variable.Val is { IsKnown: true, Current: { } v } ? v : null;
                // Image references (ARG BASE=registry/repo:nightly-6af3d12, …@sha256:…) look random but are not secrets.
                if (value is not null && ImageReference.TryParse(value, out var image)
                    && (image.Digest is not null || value.Contains('/', StringComparison.Ordinal)))
                {
                    continue;
                }

                yield return (stage, variable, keyword, value);
            }
        }
    }
}
