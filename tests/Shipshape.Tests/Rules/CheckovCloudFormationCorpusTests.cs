using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Checkov's CloudFormation examples (../shared/corpus/checkov/cloudformation): for every check that one of our rules
/// names in its equivalents, every failing resource gets a finding of such a rule and no passing resource does.
/// </summary>
public sealed class CheckovCloudFormationCorpusTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private const string Corpus = "corpus/checkov/cloudformation";

    private static string Root => SharedFolder.PathOf(Corpus);

    // Where a check is broader than the rule that names it, findings of these rules also count for a failing
    // resource, and the reason says why.
    private static readonly Dictionary<string, (string[] Rules, string Reason)> AlsoAccepted = new(StringComparer.Ordinal)
    {
        // Checkov's TLS check also fails HTTP listeners without a redirect; Shipshape reports those as plain HTTP.
        ["CKV_AWS_103"] = (["SHP-NET-015"], "plain HTTP listeners are SHP-NET-015's"),
        // Checkov's star-action, write and permissions-management checks also fail "Action": "*" on "Resource": "*";
        // Shipshape reports full administrator access once, as SHP-IAM-100.
        ["CKV_AWS_63"] = (["SHP-IAM-100"], "full admin is SHP-IAM-100's"),
        // Checkov's data calls iam:ChangePassword permissions management; the Service Authorization Reference gives it
        // access level Write, so Shipshape follows the reference and reports it as SHP-IAM-103.
        ["CKV_AWS_109"] = (["SHP-IAM-100", "SHP-IAM-103"], "full admin is SHP-IAM-100's; iam:ChangePassword is a Write action"),
        ["CKV_AWS_111"] = (["SHP-IAM-100"], "full admin is SHP-IAM-100's"),
    };

    // Passing fixtures that the AWS documentation says are open, with the reason Shipshape reports them.
    private static readonly Dictionary<string, string> DocumentedOpen = new(StringComparer.Ordinal)
    {
        ["AWS::ECR::Repository.CondAllPass"] =
            "ForAllValues:StringEquals on aws:PrincipalOrgID, a single-valued key, is true when the request lacks the key "
            + "(IAM: single-valued vs. multivalued context keys), as for a principal whose account is in no organization",
    };

    public static TheoryData<string> CoveredChecks() => [.. CoveredCheckNames()];

    private static List<string> CoveredCheckNames()
    {
        var data = new List<string>();
        if (!Directory.Exists(Root))
        {
            return data;
        }

        foreach (var directory in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
            var checkId = expected.RootElement.GetProperty("check_id").GetString()!;
            if (Catalog.Metadata.Values.Any(m => m.Equivalents.Contains(checkId)))
            {
                data.Add(Path.GetFileName(directory));
            }
        }

        return data;
    }

    [SharedCorpusFact(Corpus)]
    public void CoveredChecks_Corpus_CoversTheInfrastructureRules()
    {
        var covered = CoveredCheckNames();
        Assert.True(covered.Count >= 20, $"only {covered.Count} checks covered: {string.Join(", ", covered)}");
    }

    [SharedCorpusTheory(Corpus)]
    [MemberData(nameof(CoveredChecks))]
    public void Scan_CheckovExample_FindingsMatchExpectedResources(string check)
    {
        var directory = Path.Combine(Root, check);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
        var root = expected.RootElement;
        var checkId = root.GetProperty("check_id").GetString()!;
        var rules = Catalog.Metadata.Values.Where(m => m.Equivalents.Contains(checkId)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var accepted = AlsoAccepted.TryGetValue(checkId, out var extra) ? [.. rules, .. extra.Rules] : rules;

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [directory] });
        var found = report.Findings.Where(f => accepted.Contains(f.RuleId)).Select(Id).ToHashSet(StringComparer.Ordinal);
        var foundByOwnRules = report.Findings.Where(f => rules.Contains(f.RuleId)).Select(Id).ToHashSet(StringComparer.Ordinal);
        var withFile = root.TryGetProperty("resource_id_format", out var format) && format.GetString() == "file:address";

        if (root.GetProperty("expectation_source").GetString() == "counts_only")
        {
            // Files Checkov marks unknown (it cannot evaluate them, such as !If on !Equals [0, 0]) are not asserted; AWS
            // evaluates such conditions, and so does Shipshape.
            var unknown = root.GetProperty("file_hints").EnumerateObject().Where(h => h.Value.GetString() == "unknown").Select(h => h.Name + ":").ToList();
            found.RemoveWhere(id => unknown.Any(u => id.StartsWith(u, StringComparison.Ordinal)));
            foreach (var hint in root.GetProperty("file_hints").EnumerateObject().Where(h => h.Value.GetString() != "unknown"))
            {
                var inFile = found.Count(id => id.StartsWith(hint.Name + ":", StringComparison.Ordinal));
                Assert.True(hint.Value.GetString() == "fail" ? inFile > 0 : inFile == 0, $"{check}: {hint.Name} expected to {hint.Value.GetString()}, findings on {inFile} resources");
            }

            Assert.Equal(root.GetProperty("expected_counts").GetProperty("failed").GetInt32(), found.Count);
            return;
        }

        foreach (var failing in root.GetProperty("failing_resources").EnumerateArray().Select(e => e.GetString()!))
        {
            Assert.True(Matches(found, failing, withFile), $"{check}: no finding of {string.Join("/", accepted)} for failing {failing}; found {string.Join(", ", found)}");
        }

        foreach (var passing in root.GetProperty("passing_resources").EnumerateArray().Select(e => e.GetString()!))
        {
            if (DocumentedOpen.ContainsKey(passing))
            {
                Assert.True(Matches(foundByOwnRules, passing, withFile), $"{check}: {passing} is open per the IAM documentation");
                continue;
            }

            Assert.False(Matches(foundByOwnRules, passing, withFile), $"{check}: finding of {string.Join("/", rules)} for passing {passing}");
        }
    }

    // "<file>:<Type>.<LogicalId>" for every finding, so both id formats can be matched.
    private static string Id(Finding finding) =>
        $"{Path.GetFileName(finding.Location.Path)}:{finding.Resource.Kind}.{finding.Resource.Address}";

    private static bool Matches(HashSet<string> found, string expected, bool withFile) =>
        withFile ? found.Contains(expected) : found.Any(id => id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..] == expected);
}
