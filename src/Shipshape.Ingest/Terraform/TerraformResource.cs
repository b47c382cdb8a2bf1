using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Terraform;

/// <summary>One resource instance, addressed as Terraform writes it (module.x.aws_ecs_task_definition.app["k"]).</summary>
public sealed record TerraformResource(string Address, string Type, EvaluatedBody Body, SourceSpan Span)
{
    /// <summary>The module calls that reached it from its root module (empty in the root module itself).</summary>
    public ImmutableArray<ModuleCall> Calls { get; init; } = [];
}
