using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-002: a plaintext environment variable's value is a secret, whatever its name; in a Dockerfile, an ENV or ARG value.</summary>
public sealed class SecretValueInEnvironmentRule : IRule
{
    private readonly ISecretValueDetector _detector;

    public SecretValueInEnvironmentRule(ISecretValueDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    public string Id => "SHP-SEC-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            foreach (var variable in container.Environment)
            {
                if (!variable.Val.IsKnown || string.IsNullOrWhiteSpace(variable.Val.Current))
                {
                    continue;
                }

                var value = variable.Val.Current;
                if (_detector.Detect(variable.Name.Current, value) is not { } match)
                {
                    continue;
                }

                yield return RuleText.Hit(workload, variable.Val,
                    $"{RuleText.Describe(container, workload)} sets environment variable '{variable.Name.Current}' in plaintext to {match.Description} ({match.Redacted}).",
                    SecretRedactor.Hash(value));
            }
        }

        foreach (var (stage, variable, keyword, value) in DockerfileVariables.Of(model))
        {
            if (!string.IsNullOrWhiteSpace(value) && _detector.Detect(variable.Name.Current, value) is { } match)
            {
                yield return RuleText.Hit(stage, variable.Val,
                    $"{RuleText.DescribeCapitalised(stage)} sets {keyword} '{variable.Name.Current}' to {match.Description} ({match.Redacted}).",
                    SecretRedactor.Hash(value));
            }
        }

        foreach (var (image, variable, what) in ImageVariables.Of(model))
        {
            if (variable.Val.Current is { } value && !string.IsNullOrWhiteSpace(value) && _detector.Detect(variable.Name.Current, value) is { } match)
            {
                yield return RuleText.Hit(image, variable.Val,
                    $"{RuleText.Describe(image)} sets {what} '{variable.Name.Current}' to {match.Description} ({match.Redacted}); anyone who can pull the image can read it.",
                    SecretRedactor.Hash(value));
            }
        }
    }
}
