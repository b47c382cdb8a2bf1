namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-123: the AWS managed AdministratorAccess policy is attached.</summary>
public sealed class AdministratorAccessAttachedRule : ManagedPolicyAttachedRule
{
    public override string Id => "SHP-IAM-123";

    protected override string PolicyName => "AdministratorAccess";

    protected override string Grants => "every action on every resource";
}
