using System.Text.RegularExpressions;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-003: an ECS secret's valueFrom is neither a Systems Manager parameter (ARN or, in the same
/// Region, its name) nor a Secrets Manager secret ARN. Messages never repeat the value, which may be the
/// secret itself pasted into the wrong field.
/// </summary>
public sealed partial class InvalidSecretReferenceRule : IRule
{
    public string Id => "SHP-SEC-003";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>().Where(w => w.Platform == Platform.Ecs))
        {
            foreach (var container in workload.Containers)
            {
                foreach (var secret in container.Secrets)
                {
                    var valueFrom = secret.ValueFrom;
                    if (!valueFrom.IsKnown || Problem(valueFrom.Current) is not { } problem)
                    {
                        continue;
                    }

                    yield return RuleText.Hit(workload, valueFrom,
                        $"{RuleText.Describe(container, workload)} takes secret '{secret.Name.Current}' from {problem}, not from a Systems Manager parameter or a Secrets Manager secret.");
                }
            }
        }
    }

    /// <summary>What is wrong with a valueFrom, as a phrase without the value; null when it is valid.</summary>
    public static string? Problem(string? valueFrom)
    {
        var text = valueFrom?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "an empty valueFrom";
        }

        if (SsmParameterArnPattern().IsMatch(text) || SecretsManagerArnPattern().IsMatch(text) || ParameterNamePattern().IsMatch(text))
        {
            return null;
        }

        if (text.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = text.Split(':');
            var service = parts.Length > 2 && ServiceNamePattern().IsMatch(parts[2]) ? parts[2] : null;
            return service switch
            {
                "ssm" => "a malformed Systems Manager parameter ARN (expected arn:aws:ssm:region:account:parameter/name)",
                "secretsmanager" => "a malformed Secrets Manager ARN (expected arn:aws:secretsmanager:region:account:secret:name)",
                null => "a malformed ARN",
                _ => $"an ARN of the '{service}' service",
            };
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && ServiceNamePattern().IsMatch(text[..scheme]))
        {
            return $"a {text[..scheme]} URL";
        }

        return "a value that is neither an ARN nor a valid parameter name";
    }

    // Partitions: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, …; Regions: us-east-1, us-gov-west-1, cn-north-1, …
    [GeneratedRegex(@"^arn:aws(?:-[a-z]+)*:ssm:[a-z]{2}(?:-[a-z]+)+-[0-9]+:[0-9]{12}:parameter/[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmParameterArnPattern();

    // secret:name, optionally followed by :json-key:version-stage:version-id (each may be empty).
    [GeneratedRegex(@"^arn:aws(?:-[a-z]+)*:secretsmanager:[a-z]{2}(?:-[a-z]+)+-[0-9]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@\-]+(?::[^:]*:[^:]*:[^:]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsManagerArnPattern();

    // A parameter in the task's Region may be given by name: "name" or "/path/name".
    [GeneratedRegex(@"^/?[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNamePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9\-]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNamePattern();
}
