namespace Shipshape.Core.Model;

/// <summary>The orchestrator a workload runs on, which decides what some fields mean.</summary>
public enum Platform
{
    Ecs,
    Kubernetes,
    Compose,
    Batch,
}
