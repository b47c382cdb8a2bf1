namespace Shipshape.Core.Model;

/// <summary>Recognises log routers and monitoring agents from the container's image and FireLens configuration.</summary>
public static class ContainerRoleClassifier
{
    public static ContainerRole Classify(string? image, bool hasFirelensConfiguration)
    {
        if (hasFirelensConfiguration)
        {
            return ContainerRole.LogRouter;
        }

        if (image is null)
        {
            return ContainerRole.Application;
        }

        var lower = image.ToLowerInvariant();
        if (lower.Contains("aws-for-fluent-bit", StringComparison.Ordinal) || lower.Contains("fluent-bit", StringComparison.Ordinal))
        {
            return ContainerRole.LogRouter;
        }

        string[] agents = ["datadog/agent", "datadoghq/agent", "cloudwatch-agent", "aws-otel-collector", "aws-xray-daemon", "newrelic/infrastructure"];
        return agents.Any(a => lower.Contains(a, StringComparison.Ordinal)) ? ContainerRole.MonitoringAgent : ContainerRole.Application;
    }
}
