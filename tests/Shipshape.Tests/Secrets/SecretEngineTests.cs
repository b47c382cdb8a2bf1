using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;

namespace Shipshape.Tests.Secrets;

public sealed class SecretEngineTests
{
    private const string GitHubToken = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";

    [Fact]
    public void Scan_GitHubToken_ReportsRuleLineColumnAndRedactedFormOnly()
    {
        var hits = SecretEngine.Default.Scan($"# settings\nexport GH_TOKEN={GitHubToken}\n", "ci/env.sh");

        var hit = Assert.Single(hits);
        Assert.Equal("github-pat", hit.RuleId);
        Assert.Equal(2, hit.Line);
        Assert.Equal(17, hit.Column);
        Assert.Equal("ghp_… (40 characters)", hit.Redacted);
        Assert.Equal(Redaction.Hash(GitHubToken), hit.SecretHash);
        Assert.DoesNotContain(GitHubToken, hit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_GitleaksAllowComment_MarksTheHitAllowedSoTheReportShowsItSuppressed()
    {
        var hits = SecretEngine.Default.Scan($"token = \"{GitHubToken}\" # gitleaks:allow\nother = \"{GitHubToken}\"\n", "a.py");

        Assert.Equal([(1, true), (2, false)], hits.Select(h => (h.Line, h.AllowedByComment)));
    }

    [Fact]
    public void Scan_Base64EncodedToken_FoundWithTheEncodingNamed()
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"token={GitHubToken}"));

        var hit = Assert.Single(SecretEngine.Default.Scan($"blob: {encoded}\n", "a.yaml"), h => h.RuleId == "github-pat");

        Assert.Equal(["base64"], hit.DecodedFrom.ToArray());
        Assert.Equal(1, hit.Line);
    }

    [Fact]
    public void Scan_LockFile_SkippedByTheGlobalPathAllowlist()
    {
        Assert.Empty(SecretEngine.Default.Scan($"\"token\": \"{GitHubToken}\"", "web/package-lock.json"));
        Assert.Single(SecretEngine.Default.Scan($"\"token\": \"{GitHubToken}\"", "web/package.json"));
    }

    [Fact]
    public void Scan_AwsKeyAssignedToAccessKeyName_ReportedOnceBySpecificRule()
    {
        var hits = SecretEngine.Default.Scan("AWS_ACCESS_KEY_ID=AKIAZ3MHQWNN5YPKC7TR\n", ".env");

        Assert.Equal(["aws-access-token"], hits.Select(h => h.RuleId));
    }

    [Fact]
    public void Scan_GenericAssignmentWithPlaceholder_NotReported()
    {
        var text = "api_key = \"your-api-key-here\"\npassword = \"changeme\"\nsecret: ${SECRET}\n";

        Assert.Empty(SecretEngine.Default.Scan(text, "config.yaml"));
    }

    [Fact]
    public void Create_RegexGoSyntax_TranslatesNamedGroupsAndPosixClasses()
    {
        var config = new SecretConfig
        {
            Rules =
            [
                new SecretRule { Id = "corp-token", Regex = @"corp_(?P<secret>[[:alnum:]]{20})", SecretGroup = 1, Keywords = ["corp_"] },
            ],
        };

        var hit = Assert.Single(SecretEngine.Create(config).Scan("x = corp_A1b2C3d4E5f6G7h8I9j0", "f"));

        Assert.Equal("corp-token", hit.RuleId);
        Assert.Equal(Redaction.Hash("A1b2C3d4E5f6G7h8I9j0"), hit.SecretHash);
    }

    [Fact]
    public void Create_InvalidRegex_ThrowsNamingTheRule()
    {
        var config = new SecretConfig { Rules = [new SecretRule { Id = "broken", Regex = "([a-z", Keywords = ["x"] }] };

        var ex = Assert.Throws<SecretConfigException>(() => SecretEngine.Create(config));

        Assert.Contains("rule 'broken'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_KeywordAbsent_RuleRegexNotRun()
    {
        // The regex would match, but its keyword is not in the text: the prefilter keeps the rule from running.
        var config = new SecretConfig { Rules = [new SecretRule { Id = "kw", Regex = "[0-9]{6}", Keywords = ["pin"] }] };
        var engine = SecretEngine.Create(config);

        Assert.Empty(engine.Scan("code 123456", "f"));
        Assert.Single(engine.Scan("pin 123456", "f"));
    }
}
