using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// The AWS provider's aws_iam_policy_document data source, rendered from its evaluated body: version, policy_id
/// and statement blocks (sid, effect, actions, not_actions, resources, not_resources, principals, not_principals,
/// condition) become the policy's JSON. The json and minified_json attributes keep the structure as jsonencode
/// does (<see cref="HclString.JsonSource"/>), with spans at the data block; unknown pieces stay unknown inside it.
/// source_policy_documents and override_policy_documents are not merged (reported as Info).
/// </summary>
public static class TerraformPolicyDocument
{
    public const string DataType = "aws_iam_policy_document";

    /// <summary>The data source's attributes (json, minified_json, id) for one evaluated block.</summary>
    public static HclObject Render(string address, EvaluatedBody body, SourceSpan span, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var name in (ReadOnlySpan<string>)["source_policy_documents", "override_policy_documents", "source_json", "override_json"])
        {
            if (body.Attribute(name) is { Value: not HclNull } ignored)
            {
                diagnostics.Add(Diagnostic.Info(ignored.Span, $"{address}: {name} is not merged into the rendered policy; only this block's statements are checked"));
            }
        }

        var document = Document(body, span);
        HclValue json = document.IsWhollyKnown
            ? new HclString(HclJson.Encode(document)) { JsonSource = document, Span = span }
            : HclUnknown.Merge(Unknowns(document)) with { JsonSource = document, Span = span };
        return HclObject.From([
            new("json", json),
            new("minified_json", json),
            new("id", new HclUnknown([address]) { Span = span }),
        ]);
    }

    private static HclObject Document(EvaluatedBody body, SourceSpan span)
    {
        var items = new List<KeyValuePair<string, HclValue>>
        {
            new("Version", Attribute(body, "version") ?? HclValue.Of("2012-10-17").At<HclString>(span)),
        };
        if (Attribute(body, "policy_id") is { } id)
        {
            items.Add(new("Id", id));
        }

        var statements = body.Blocks.Where(b => b.Type == "statement").Select(b => (HclValue)Statement(b.Body)).ToImmutableArray();
        if (!statements.IsEmpty)
        {
            items.Add(new("Statement", new HclTuple(statements) { Span = span }));
        }

        return HclObject.From(items) with { Span = span };
    }

    private static HclObject Statement(EvaluatedBody body)
    {
        var items = new List<KeyValuePair<string, HclValue>>();
        if (Attribute(body, "sid") is { } sid && !(sid is HclString { Value.Length: 0 }))
        {
            items.Add(new("Sid", sid));
        }

        items.Add(new("Effect", Attribute(body, "effect") ?? HclValue.Of("Allow").At<HclString>(body.Span)));
        foreach (var (attribute, key) in (ReadOnlySpan<(string, string)>)[("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"), ("not_resources", "NotResource")])
        {
            if (Attribute(body, attribute) is { } value)
            {
                items.Add(new(key, value));
            }
        }

        foreach (var (block, key) in (ReadOnlySpan<(string, string)>)[("principals", "Principal"), ("not_principals", "NotPrincipal")])
        {
            if (Principals(body, block) is { } principals)
            {
                items.Add(new(key, principals));
            }
        }

        if (Conditions(body) is { } conditions)
        {
            items.Add(new("Condition", conditions));
        }

        return HclObject.From(items) with { Span = body.Span };
    }

    /// <summary>Principals by type; a single block of type "*" with identifiers ["*"] is the wildcard principal "*".</summary>
    private static HclValue? Principals(EvaluatedBody statement, string blockType)
    {
        var blocks = statement.Blocks.Where(b => b.Type == blockType).Select(b => b.Body).ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        if (blocks.Count == 1 && Attribute(blocks[0], "type") is HclString { Value: "*" } && Attribute(blocks[0], "identifiers") is HclTuple { Items: [HclString { Value: "*" }] } wildcard)
        {
            return HclValue.Of("*").At<HclString>(wildcard.Items[0].Span ?? blocks[0].Span);
        }

        var byType = new List<(string Type, List<HclValue> Values, SourceSpan Span)>();
        foreach (var block in blocks)
        {
            if (Attribute(block, "type") is not HclString type)
            {
                // An unknown principal type: the statement's principal cannot be read.
                return HclUnknown.Plain with { Span = block.Span };
            }

            var group = byType.FirstOrDefault(g => g.Type == type.Value);
            if (group.Type is null)
            {
                group = (type.Value, [], block.Span);
                byType.Add(group);
            }

            group.Values.AddRange(Elements(Attribute(block, "identifiers")));
        }

        return HclObject.From(byType.Select(g => new KeyValuePair<string, HclValue>(g.Type, Collapse(g.Values, g.Span)))) with { Span = blocks[0].Span };
    }

    /// <summary>Condition blocks as { test = { variable = values } }; blocks with the same test share its operator.</summary>
    private static HclValue? Conditions(EvaluatedBody statement)
    {
        var blocks = statement.Blocks.Where(b => b.Type == "condition").Select(b => b.Body).ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        var tests = new List<(string Test, List<(string Variable, List<HclValue> Values, SourceSpan Span)> Keys, SourceSpan Span)>();
        foreach (var block in blocks)
        {
            if (Attribute(block, "test") is not HclString test || Attribute(block, "variable") is not HclString variable)
            {
                return HclUnknown.Plain with { Span = block.Span };
            }

            var group = tests.FirstOrDefault(t => t.Test == test.Value);
            if (group.Test is null)
            {
                group = (test.Value, [], block.Span);
                tests.Add(group);
            }

            var key = group.Keys.FirstOrDefault(k => k.Variable == variable.Value);
            if (key.Variable is null)
            {
                key = (variable.Value, [], variable.Span ?? block.Span);
                group.Keys.Add(key);
            }

            key.Values.AddRange(Elements(Attribute(block, "values")));
        }

        return HclObject.From(tests.Select(t => new KeyValuePair<string, HclValue>(
            t.Test,
            HclObject.From(t.Keys.Select(k => new KeyValuePair<string, HclValue>(k.Variable, Collapse(k.Values, k.Span)))) with { Span = t.Span }))) with { Span = blocks[0].Span };
    }

    private static IEnumerable<HclValue> Elements(HclValue? value) => value switch
    {
        null or HclNull => [],
        HclTuple t => t.Items,
        HclObject o => o.Items.Values,
        _ => [value],
    };

    /// <summary>One value renders as itself, several as a list (as the provider writes them).</summary>
    private static HclValue Collapse(List<HclValue> values, SourceSpan span) =>
        values.Count == 1 ? values[0] : new HclTuple([.. values]) { Span = span };

    private static HclValue? Attribute(EvaluatedBody body, string name) =>
        body.Attribute(name) is { Value: not HclNull } a ? (a.Value.Span is null ? a.Value with { Span = a.Span } : a.Value) : null;

    private static IEnumerable<HclValue> Unknowns(HclValue value) => value switch
    {
        HclUnknown => [value],
        HclTuple t => t.Items.SelectMany(Unknowns),
        HclObject o => o.Items.Values.SelectMany(Unknowns),
        _ => [],
    };
}
