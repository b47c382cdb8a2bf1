using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;

namespace Shipshape.Tests.Secrets;

public sealed class KeywordPrefilterTests
{
    // Every position where one of the keywords starts (ASCII, case-insensitive), found the slow way.
    private static List<int> KeywordStarts(string text, IReadOnlyList<string> keywords) =>
        [.. Enumerable.Range(0, text.Length).Where(i => keywords.Any(k => text.AsSpan(i).StartsWith(k, StringComparison.OrdinalIgnoreCase)))];

    private static List<int> Candidates(KeywordPrefilter prefilter, string text)
    {
        var found = new List<int>();
        for (var at = 0; at < text.Length;)
        {
            var i = prefilter.IndexOfCandidate(text.AsSpan(at));
            if (i < 0)
            {
                break;
            }

            found.Add(at + i);
            at += i + 1;
        }

        return found;
    }

    [Fact]
    public void IndexOfCandidate_BuiltInKeywords_ReturnsEveryPositionWhereOneStarts()
    {
        var keywords = SecretEngine.Default.Keywords;
        var prefilter = KeywordPrefilter.Create(keywords)!;
        var text = """
            AWS_ACCESS_KEY_ID=AKIAZ3MHQWNN5YPKC7TR
            export GH_TOKEN=ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w
            DATABASE_URL=postgres://app:s3cr3t@db.internal:5432/app
            Password=hunter2; Api-Key: sk_live_abc; BEGIN RSA PRIVATE KEY
            """;

        var expected = KeywordStarts(text, keywords);

        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(Candidates(prefilter, text)));
    }

    [Fact]
    public void IndexOfCandidate_KeywordsOfOneToFiveCharactersAtTheEndOfTheText_NotMissed()
    {
        string[] keywords = ["q", "x~", "pwd", "abcd", "token"];
        var prefilter = KeywordPrefilter.Create(keywords)!;

        foreach (var text in new[] { "q", "aq", "x~", "zx~", "PWD", "..pwd", "ABCD", "tokeN", "--token", "xq" })
        {
            Assert.NotEmpty(KeywordStarts(text, keywords));
            Assert.Empty(KeywordStarts(text, keywords).Except(Candidates(prefilter, text)));
        }
    }

    [Fact]
    public void IndexOfCandidate_RandomTextOverTheKeywordsAlphabet_MissesNoKeywordStart()
    {
        string[] keywords = ["key", "api", "secret", "pa", "t", "tok", "a3-", "://", "begin"];
        var prefilter = KeywordPrefilter.Create(keywords)!;
        var random = new Random(1234);
        const string alphabet = "keyKEYapisecrtAPISECRTpa:/-3bgnBGN ._\né";
        for (var round = 0; round < 200; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            Assert.Empty(KeywordStarts(text, keywords).Except(Candidates(prefilter, text)));
        }
    }

    [Fact]
    public void IndexOfCandidate_TextWithoutAnyKeywordCharacters_ReturnsMinusOne()
    {
        var prefilter = KeywordPrefilter.Create(["secret", "token"])!;

        Assert.Equal(-1, prefilter.IndexOfCandidate("1234 5678 90 ==== ;;; \n\t"));
        Assert.Equal(-1, prefilter.IndexOfCandidate(string.Empty));
    }

    [Fact]
    public void IndexOfCandidate_TextSharingOnlyThreeLeadingCharacters_NotACandidate()
    {
        // "secret" and "contentful" start with "sec" and "con"; "section" and "config" do not start a keyword and
        // share only three characters, so they pass the prefilter only on a hash collision.
        var prefilter = KeywordPrefilter.Create(["secret", "contentful"])!;
        var text = string.Concat(Enumerable.Repeat("section config ", 200));

        Assert.True(Candidates(prefilter, text).Count < 10, $"{Candidates(prefilter, text).Count} candidates");
    }

    [Fact]
    public void Create_NonAsciiOrEmptyKeyword_NoPrefilter()
    {
        Assert.Null(KeywordPrefilter.Create(["contraseña", "secret"]));
        Assert.Null(KeywordPrefilter.Create(["", "secret"]));
        Assert.Null(KeywordPrefilter.Create([]));
    }

    [Fact]
    public void Scan_ConfigurationWithNonAsciiKeyword_StillFindsTheSecret()
    {
        var config = new SecretConfig
        {
            Rules = [new SecretRule { Id = "es-password", Regex = "contraseña=(?P<secret>[0-9A-Za-z]{12})", SecretGroup = 1, Keywords = ["contraseña"] }],
        };

        var hit = Assert.Single(SecretEngine.Create(config).Scan("# config\ncontraseña=Zq8rT3mX9vB2\n", "app.env"));

        Assert.Equal((2, "es-password"), (hit.Line, hit.RuleId));
    }

    [Fact]
    public void Scan_UpperCaseKeywordInText_ActivatesTheRule()
    {
        var config = new SecretConfig
        {
            Rules = [new SecretRule { Id = "corp", Regex = "(?i)corp_token=(?P<secret>[0-9a-z]{16})", SecretGroup = 1, Keywords = ["corp_token"] }],
        };

        var hit = Assert.Single(SecretEngine.Create(config).Scan("CORP_TOKEN=zq8rt3mx9vb2k4d7\n", "a.env"));

        Assert.Equal("corp", hit.RuleId);
    }
}
