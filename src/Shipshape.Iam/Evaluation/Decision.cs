namespace Shipshape.Iam.Evaluation;

/// <summary>The outcome of AWS's policy evaluation for one request.</summary>
public enum Decision
{
    /// <summary>No applicable Allow (or an Allow missing from an SCP or permissions boundary).</summary>
    ImplicitDeny,
    /// <summary>An applicable Deny statement, which overrides every Allow.</summary>
    ExplicitDeny,
    Allowed,
}
