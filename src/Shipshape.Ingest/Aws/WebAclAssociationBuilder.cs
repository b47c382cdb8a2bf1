using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a WAF web ACL association (WAFv2 or WAF Classic regional), for every format.</summary>
internal static class WebAclAssociationBuilder
{
    /// <param name="protectedResource">ResourceArn (both WAF APIs require it; there is no default).</param>
    public static WebAclAssociation Build(ResourceIdentity id, Value<string?> protectedResource) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        ProtectedResource = protectedResource,
    };
}
