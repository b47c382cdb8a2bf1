namespace Shipshape.Core.Model;

/// <summary>Anything rules look at: it has the address its source uses, a kind, and a span.</summary>
public abstract record Resource
{
    /// <summary>The name the source itself uses (CloudFormation logical ID, Terraform address, task-definition family).</summary>
    public required string Address { get; init; }
    /// <summary>The source's type name, for example "AWS::ECS::TaskDefinition".</summary>
    public required string Kind { get; init; }
    public required SourceSpan Span { get; init; }
    /// <summary>The input format it came from, for example "ecs-json", "cloudformation".</summary>
    public required string SourceFormat { get; init; }

    /// <summary>A friendlier name the source gives, such as the CDK construct path; shown beside the address.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// For a resource of a called Terraform module: the root module that instantiated it and the module calls on the
    /// way (its address already starts with them); null elsewhere. Part of the resource's identity: the same block in
    /// a module file is one resource per caller.
    /// </summary>
    public ModuleChain? Module { get; init; }

    /// <summary>
    /// The unit within which the source's references resolve, when it is not the resource's file: a Terraform root
    /// module's directory (a module called by two root modules has the same addresses in both). Null: the file.
    /// </summary>
    public string? LinkScope { get; init; }

    /// <summary>Suppressions declared on the resource itself (CloudFormation Metadata shipshape.ignore).</summary>
    public System.Collections.Immutable.ImmutableArray<ResourceSuppression> Suppressions { get; init; } = [];
}
