using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a standalone IAM policy and whom it is attached to, for every format.</summary>
internal static class IamPolicyBuilder
{
    public static IamPolicy Build(
        ResourceIdentity id,
        bool managed,
        PolicyDocument? document,
        ImmutableArray<Value<string>> roles,
        ImmutableArray<Value<string>> users,
        ImmutableArray<Value<string>> groups,
        Value<string?>? policyArn = null) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Managed = managed,
        Document = document,
        Roles = roles,
        Users = users,
        Groups = groups,
        PolicyArn = policyArn,
    };
}
