namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-124: the AWS managed IAMFullAccess policy is attached.</summary>
public sealed class IamFullAccessAttachedRule : ManagedPolicyAttachedRule
{
    public override string Id => "SHP-IAM-124";

    protected override string PolicyName => "IAMFullAccess";

    protected override string Grants => "every IAM action, enough to give itself any permission";
}
