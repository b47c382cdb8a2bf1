using Shipshape.Core.Model;

namespace Shipshape.Tests.Ingest.Aws;

/// <summary>
/// One AWS resource written twice, as a CloudFormation template and as Terraform configuration, with the model type
/// both must produce exactly one of and a few field values (as the fingerprint prints them) both must agree on.
/// </summary>
public sealed record ParityCase(string Name, Type ModelType, string CloudFormation, string Terraform, params (string Field, string Value)[] Expect)
{
    public override string ToString() => Name;
}
