using System.Collections.Frozen;

namespace Shipshape.Core.Model;

/// <summary>
/// Recognises log routers and monitoring agents from a container's image, so that rules can treat them as
/// what they are; adapters of every platform call it once per container.
/// </summary>
public static class ContainerRoleClassifier
{
    // Repository names (without registry) of well-known agents. A repository also matches when it ends with
    // "/" + one of these, which covers mirrors and ECR pull-through caches ("docker-hub/datadog/agent").
    private static readonly FrozenSet<string> MonitoringAgentRepositories = new[]
    {
        "datadog/agent",
        "datadoghq/agent",
        "amazon/cloudwatch-agent",
        "cloudwatch-agent/cloudwatch-agent",
        "amazon/aws-otel-collector",
        "aws-observability/aws-otel-collector",
        "amazon/aws-xray-daemon",
        "xray/aws-xray-daemon",
        "newrelic/infrastructure",
        "newrelic/infrastructure-bundle",
        "newrelic/nri-ecs",
        "dynatrace/oneagent",
        "signalfx/splunk-otel-collector",
        "otel/opentelemetry-collector",
        "otel/opentelemetry-collector-contrib",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Last path components of log-router images: the AWS distribution is mirrored per Region in ECR
    // (906394416424.dkr.ecr.us-west-2.amazonaws.com/aws-for-fluent-bit), so the registry cannot matter.
    private static readonly FrozenSet<string> LogRouterNames = new[]
    {
        "aws-for-fluent-bit",
        "fluent-bit",
        "fluentd",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Classifies a container: a FireLens configuration makes it the log router whatever its image.</summary>
    public static ContainerRole Classify(string? image, bool hasFirelensConfiguration)
    {
        if (hasFirelensConfiguration)
        {
            return ContainerRole.LogRouter;
        }

        var repository = RepositoryOf(image);
        if (repository is null)
        {
            return ContainerRole.Application;
        }

        var name = repository[(repository.LastIndexOf('/') + 1)..];
        if (LogRouterNames.Contains(name))
        {
            return ContainerRole.LogRouter;
        }

        foreach (var known in MonitoringAgentRepositories)
        {
            if (string.Equals(repository, known, StringComparison.Ordinal)
                || repository.EndsWith("/" + known, StringComparison.Ordinal))
            {
                return ContainerRole.MonitoringAgent;
            }
        }

        return ContainerRole.Application;
    }

    private static string? RepositoryOf(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }

        if (ImageReference.TryParse(image, out var reference))
        {
            return reference.Repository;
        }

        // A reference with variables ("${REGISTRY}/datadog/agent:7") still names its repository after the
        // last variable; classification only needs the path, never the registry.
        var text = image.Trim();
        var afterVariable = Math.Max(text.LastIndexOf('}'), text.LastIndexOf(')'));
        if (afterVariable >= 0)
        {
            text = text[(afterVariable + 1)..];
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }

        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            text = text[..colon];
        }

        text = text.Trim('/');
        return text.Length == 0 || text.Contains('$', StringComparison.Ordinal) ? null : text.ToLowerInvariant();
    }
}
