using Shipshape.Core.Model;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Tests.Iam;

/// <summary>Policy documents for tests, read from JSON text the way every input reads them.</summary>
internal static class Policies
{
    public static PolicyDocument Parse(string json)
    {
        var parsed = JsonSyntaxParser.Parse("policy.json", System.Text.Encoding.UTF8.GetBytes(json));
        return PolicyDocumentReader.Read(parsed.Roots.Single(), "policy") ?? throw new InvalidOperationException("not a policy document");
    }

    /// <summary>A one-statement identity policy.</summary>
    public static PolicyDocument Statement(string statementJson) =>
        Parse($$"""{"Version": "2012-10-17", "Statement": [{{statementJson}}]}""");
}
