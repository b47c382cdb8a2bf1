namespace Shipshape.Core.Model;

/// <summary>What a container is for; log routers and monitoring agents are recognised and treated accordingly.</summary>
public enum ContainerRole
{
    Application,
    /// <summary>A FireLens log router (Fluent Bit or Fluentd).</summary>
    LogRouter,
    /// <summary>A monitoring agent such as the Datadog agent or the CloudWatch agent.</summary>
    MonitoringAgent,
}
