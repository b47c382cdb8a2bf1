using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Secrets;

/// <summary>gitleaks configuration semantics, as gitleaks documents them (README, "Configuration").</summary>
public sealed class GitleaksConfigLoaderTests
{
    private const string CustomConfig = """
        title = "corp"

        [extend]
        useDefault = true
        disabledRules = ["generic-api-key"]

        [[rules]]
        id = "corp-api-key"
        description = "Corp internal API key"
        regex = '''corp_(?P<key>[a-z0-9]{24})'''
        secretGroup = 1
        entropy = 3.0
        keywords = ["corp_"]
        tags = ["corp"]

          [[rules.allowlists]]
          regexTarget = "line"
          regexes = ['''^\s*#\s*example''']

          [[rules.allowlists]]
          condition = "AND"
          paths = ['''^fixtures/''']
          stopwords = ["fixture"]

        [allowlist]
        description = "global"
        paths = ['''(?:^|/)third_party/''']
        """;

    private static SecretEngine LoadEngine(string text)
    {
        using var tree = new TempTree();
        return SecretEngine.Create(GitleaksConfigLoader.Load(tree.Write(".gitleaks.toml", text)));
    }

    [Fact]
    public void Load_ExtendUseDefault_KeepsBuiltInsAddsCustomAndDropsDisabled()
    {
        using var tree = new TempTree();
        var config = GitleaksConfigLoader.Load(tree.Write(".gitleaks.toml", CustomConfig));

        Assert.Contains(config.Rules, r => r.Id == "github-pat");
        Assert.Contains(config.Rules, r => r.Id == "corp-api-key");
        Assert.DoesNotContain(config.Rules, r => r.Id == "generic-api-key");
        Assert.Equal(GitleaksConfigLoader.BuiltIn.Rules.Length, config.Rules.Length);
    }

    [Fact]
    public void Scan_CustomRule_ReportsSecretGroup()
    {
        var hit = Assert.Single(LoadEngine(CustomConfig).Scan("client = corp_k3j9x7q2m8v4n6b1z5w0r2t8\n", "src/app.py"));

        Assert.Equal("corp-api-key", hit.RuleId);
        Assert.Equal(Redaction.Hash("k3j9x7q2m8v4n6b1z5w0r2t8"), hit.SecretHash);
        Assert.Equal(["corp"], hit.Tags.ToArray());
    }

    [Fact]
    public void Scan_LineTargetAllowlist_AllowsMatchingLinesOnly()
    {
        var engine = LoadEngine(CustomConfig);

        Assert.Empty(engine.Scan("# example: corp_k3j9x7q2m8v4n6b1z5w0r2t8\n", "README.md"));
        Assert.Single(engine.Scan("key: corp_k3j9x7q2m8v4n6b1z5w0r2t8\n", "README.md"));
    }

    [Fact]
    public void Scan_AndAllowlist_NeedsBothPathAndStopword()
    {
        var engine = LoadEngine(CustomConfig);

        Assert.Single(engine.Scan("corp_k3j9x7q2m8v4n6b1z5w0r2t8", "fixtures/a.txt"));
        Assert.Empty(engine.Scan("corp_fixture9x7q2m8v4n6b1z5wq", "fixtures/a.txt"));
        Assert.Single(engine.Scan("corp_fixture9x7q2m8v4n6b1z5wq", "src/a.txt"));
    }

    [Fact]
    public void Scan_GlobalPathAllowlist_SkipsTheFile()
    {
        Assert.Empty(LoadEngine(CustomConfig).Scan("ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w", "vendor/third_party/x.go"));
    }

    [Fact]
    public void Load_WithoutExtend_OnlyItsOwnRules()
    {
        using var tree = new TempTree();
        var config = GitleaksConfigLoader.Load(tree.Write("g.toml", "[[rules]]\nid = \"only\"\nregex = '''only_[0-9]{8}'''\nkeywords = [\"only_\"]\n"));

        Assert.Equal(["only"], config.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Parse_WrongType_ThrowsNamingFileAndKey()
    {
        var ex = Assert.Throws<SecretConfigException>(() => GitleaksConfigLoader.Parse("[[rules]]\nid = \"x\"\nregex = 5\n", "bad.toml"));

        Assert.Equal("bad.toml: rule 'x'.regex: expected a string", ex.Message);
    }

    [Fact]
    public void Parse_InvalidToml_ThrowsNamingFile()
    {
        var ex = Assert.Throws<SecretConfigException>(() => GitleaksConfigLoader.Parse("[[rules]\nid=", "bad.toml"));

        Assert.StartsWith("bad.toml: invalid TOML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitleaksIgnore_FingerprintListed_DropsThatHitOnly()
    {
        var ignore = GitleaksIgnore.Parse("# reviewed\nsrc/a.env:github-pat:2\n");
        var engine = SecretEngine.Default;
        var text = "x=1\nT=ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w\nU=ghp_9Zk1QqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU4a\n";
        var result = ignore.Filter("src/a.env", new Shipshape.Secrets.ContentScanResult(engine.Scan(text, "src/a.env"), []));

        Assert.Equal([3], result.Secrets.Select(h => h.Line));
    }

    // The paths of one allowlist are searched as one alternation; each keeps its own flags, as gitleaks (Go RE2) reads
    // it on its own: the (?i) of one pattern does not make another case-insensitive.
    [Fact]
    public void Scan_GlobalAllowlistPaths_EachPatternKeepsItsOwnFlags()
    {
        var engine = LoadEngine("""
            [extend]
            useDefault = true

            [allowlist]
            paths = ['''(?i)\.fixture$''', '''^testdata/''', '''(?:^|/)mocks/[a-z]+\.env$''']
            """);
        const string Text = "GH_TOKEN=ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sW1x\n";

        Assert.Empty(engine.Scan(Text, "app/creds.FIXTURE"));
        Assert.Empty(engine.Scan(Text, "testdata/app.env"));
        Assert.Empty(engine.Scan(Text, "svc/mocks/dev.env"));
        Assert.Single(engine.Scan(Text, "TESTDATA/app.env"));
        Assert.Single(engine.Scan(Text, "svc/mocks/DEV.env"));
        Assert.Single(engine.Scan(Text, "src/app.env"));
    }
}
