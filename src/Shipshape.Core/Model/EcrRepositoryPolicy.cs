namespace Shipshape.Core.Model;

/// <summary>
/// A repository policy defined apart from its repository (aws_ecr_repository_policy), which may live in another
/// configuration than the repository itself; findings name this resource.
/// </summary>
public sealed record EcrRepositoryPolicy : Resource
{
    public required Value<string?> Repository { get; init; }
    public PolicyDocument? Policy { get; init; }
}
