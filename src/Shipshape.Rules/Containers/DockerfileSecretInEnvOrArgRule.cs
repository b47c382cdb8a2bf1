using Shipshape.Core.Model;
using Shipshape.Rules.Secrets;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-105: a Dockerfile ENV or ARG holds a secret: its value is one (the secret detector), or its name
/// says it is one. Both stay in the image's configuration or history for anyone who can pull it.
/// </summary>
public sealed class DockerfileSecretInEnvOrArgRule : IRule
{
    private readonly ISecretValueDetector _detector;

    public DockerfileSecretInEnvOrArgRule(ISecretValueDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    public string Id => "SHP-CTR-105";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var (variable, keyword) in stage.Environment.Select(e => (e, "ENV")).Concat(stage.BuildArgs.Select(a => (a, "ARG"))))
            {
                var name = variable.Name.Current;
                var value = variable.Val is { IsKnown: true, Current: { } v } ? v : null;
                // Image references (ARG BASE=registry/repo:nightly-6af3d12, …@sha256:…) look random but are not secrets.
                if (value is not null && ImageReference.TryParse(value, out var image)
                    && (image.Digest is not null || value.Contains('/', StringComparison.Ordinal)))
                {
                    continue;
                }

                if (value is not null && !string.IsNullOrWhiteSpace(value) && _detector.Detect(name, value) is { } match)
                {
                    yield return RuleText.Hit(stage, variable.Val,
                        $"{RuleText.DescribeCapitalised(stage)} sets {keyword} '{name}' to {match.Description} ({match.Redacted}).",
                        SecretRedactor.Hash(value));
                }
                else if (EnvironmentNames.LooksSecret(name) && !SecretNameInEnvironmentRule.LooksLikeReferenceOrNonSecret(value ?? "x"))
                {
                    // Also a declared ARG without a default: the value passed with --build-arg stays in the image history.
                    yield return RuleText.Hit(stage, variable.Val, value is null || !variable.Val.IsExplicit
                        ? $"{RuleText.DescribeCapitalised(stage)} declares build argument '{name}', whose name says it holds a secret; build arguments are recorded in the image history, use a secret mount (RUN --mount=type=secret)."
                        : $"{RuleText.DescribeCapitalised(stage)} sets {keyword} '{name}' in plaintext, and its name says it holds a secret.",
                        value is null ? name : SecretRedactor.Hash(value));
                }
            }
        }
    }
}
