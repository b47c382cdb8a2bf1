using System.Collections.Immutable;

namespace Shipshape.Iam.Evaluation;

/// <summary>
/// One request to evaluate: action, resource ARN (null: "some arbitrary resource", to ask whether a policy is scoped),
/// the calling principal (for resource policies) and the request's context keys, case-insensitive as in IAM.
/// </summary>
public sealed record RequestContext(string Action, string? Resource)
{
    /// <summary>The caller: an ARN ("arn:aws:iam::111122223333:role/app"), an account ID, or a service principal ("ecs-tasks.amazonaws.com").</summary>
    public string? Principal { get; init; }

    /// <summary>
    /// With a null Resource: whether an Allow naming any resource at all counts ("is the action allowed anywhere?");
    /// Deny statements still count only when they cover arbitrary resources.
    /// </summary>
    public bool AnyNamedResource { get; init; }

    public ImmutableDictionary<string, ImmutableArray<string>> Keys { get; init; } =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy with the context key set to the values.</summary>
    public RequestContext With(string key, params string[] values) => this with { Keys = Keys.SetItem(key, [.. values]) };
}
