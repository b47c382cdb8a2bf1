namespace Shipshape.Ingest.Ecs;

/// <summary>How a source spells task-definition properties.</summary>
public enum EcsNaming
{
    /// <summary>The ECS API and task-definition JSON: networkMode, containerDefinitions.</summary>
    Camel,
    /// <summary>CloudFormation: NetworkMode, ContainerDefinitions.</summary>
    Pascal,
    /// <summary>Terraform's aws_ecs_task_definition: network_mode, volume blocks; container definitions stay camelCase JSON.</summary>
    TerraformSnake,
}
