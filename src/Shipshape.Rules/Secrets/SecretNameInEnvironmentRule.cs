using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-001: a plaintext environment variable whose name says it is a secret. Values that
/// SHP-SEC-002 recognises as secrets are left to that rule, so one value gives one finding. In a Dockerfile, an ENV or
/// ARG (also an ARG without a default: the value given with --build-arg is recorded in the image history).
/// </summary>
public sealed class SecretNameInEnvironmentRule : IRule
{
    private readonly ISecretValueDetector _detector;

    public SecretNameInEnvironmentRule(ISecretValueDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    public string Id => "SHP-SEC-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            foreach (var variable in container.Environment)
            {
                if (!variable.Name.IsKnown || !variable.Val.IsKnown || variable.Val.Current is not { } value)
                {
                    continue;
                }

                var name = variable.Name.Current;
                if (!EnvironmentNames.LooksSecret(name) || LooksLikeReferenceOrNonSecret(value) || _detector.Detect(name, value) is not null)
                {
                    continue;
                }

                yield return RuleText.Hit(workload, variable.Val,
                    $"{RuleText.Describe(container, workload)} sets environment variable '{name}' in plaintext, and its name says it holds a secret.",
                    SecretRedactor.Hash(value));
            }
        }

        foreach (var (stage, variable, keyword, value) in DockerfileVariables.Of(model))
        {
            var name = variable.Name.Current;
            if (!EnvironmentNames.LooksSecret(name) || LooksLikeReferenceOrNonSecret(value ?? "x")
                || (!string.IsNullOrWhiteSpace(value) && _detector.Detect(name, value) is not null))
            {
                continue;
            }

            yield return RuleText.Hit(stage, variable.Val, value is null || !variable.Val.IsExplicit
                ? $"{RuleText.DescribeCapitalised(stage)} declares build argument '{name}', whose name says it holds a secret; build arguments are recorded in the image history, use a secret mount (RUN --mount=type=secret)."
                : $"{RuleText.DescribeCapitalised(stage)} sets {keyword} '{name}' in plaintext, and its name says it holds a secret.",
                value is null ? name : SecretRedactor.Hash(value));
        }

        foreach (var (image, variable, what) in ImageVariables.Of(model))
        {
            var name = variable.Name.Current;
            if (variable.Val.Current is not { } value || !EnvironmentNames.LooksSecret(name) || LooksLikeReferenceOrNonSecret(value) || _detector.Detect(name, value) is not null)
            {
                continue;
            }

            yield return RuleText.Hit(image, variable.Val,
                $"{RuleText.Describe(image)} sets {what} '{name}' in plaintext, and its name says it holds a secret; anyone who can pull the image can read it.",
                SecretRedactor.Hash(value));
        }
    }

    /// <summary>Empty values, booleans, ARNs and unexpanded references are not secrets in themselves.</summary>
    internal static bool LooksLikeReferenceOrNonSecret(string value)
    {
        var text = value.Trim();
        return text.Length == 0
            || text.StartsWith("arn:", StringComparison.Ordinal)
            || text.Contains("${", StringComparison.Ordinal)
            || text.Contains("{{resolve:", StringComparison.Ordinal)
            || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }
}
