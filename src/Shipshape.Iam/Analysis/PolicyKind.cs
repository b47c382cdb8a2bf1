namespace Shipshape.Iam.Analysis;

/// <summary>Which grammar a policy document follows: identity policies have no Principal, resource and trust policies need one.</summary>
public enum PolicyKind
{
    Identity,
    Resource,
    Trust,
}
