using Shipshape.Ingest.Discovery;

namespace Shipshape.Tests.Ingest.Discovery;

public sealed class IgnorePatternTests
{
    [Theory]
    [InlineData("*.log", "a/b/c.log", false, true)]
    [InlineData("*.log", "a/b/c.logx", false, false)]
    [InlineData("/root.txt", "root.txt", false, true)]
    [InlineData("/root.txt", "sub/root.txt", false, false)]
    [InlineData("doc/*.txt", "doc/a.txt", false, true)]
    [InlineData("doc/*.txt", "doc/x/a.txt", false, false)]
    [InlineData("doc/*.txt", "x/doc/a.txt", false, false)]
    [InlineData("**/foo", "a/b/foo", false, true)]
    [InlineData("**/foo", "foo", false, true)]
    [InlineData("**/foo/bar", "x/foo/bar", false, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a/**/b", "a/xb", false, false)]
    [InlineData("abc/**", "abc/x/y", false, true)]
    [InlineData("abc/**", "abc", true, false)]
    [InlineData("a**b/c", "axyb/c", false, true)]
    [InlineData("a**b/c", "ax/yb/c", false, false)]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("build/", "src/build", true, true)]
    [InlineData("\\#file", "#file", false, true)]
    [InlineData("\\!important", "!important", false, true)]
    [InlineData("file[0-9].txt", "file5.txt", false, true)]
    [InlineData("file[!0-9].txt", "file5.txt", false, false)]
    [InlineData("file[^0-9].txt", "fileA.txt", false, true)]
    [InlineData("[[:digit:]]*", "9lives", false, true)]
    [InlineData("[[:upper:]]*", "lower", false, false)]
    [InlineData("x/a?c", "x/a/c", false, false)]
    [InlineData("x/a?c", "x/abc", false, true)]
    [InlineData("x/a[/]c", "x/a/c", false, false)]
    [InlineData("foo\\ ", "foo ", false, true)]
    [InlineData("foo   ", "foo", false, true)]
    [InlineData("*.JSON", "a.json", false, false)]
    public void IsMatch_GitignoreSemantics_MatchesLikeGit(string line, string path, bool isDirectory, bool expected)
    {
        var pattern = IgnorePattern.Parse(line);

        Assert.NotNull(pattern);
        Assert.Equal(expected, pattern.IsMatch(path, isDirectory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# comment")]
    [InlineData("!")]
    [InlineData("/")]
    public void Parse_BlankCommentOrEmptyPattern_ReturnsNull(string line) => Assert.Null(IgnorePattern.Parse(line));

    [Fact]
    public void Parse_NegatedDirectoryPattern_SetsFlagsAndStripsMarkers()
    {
        var pattern = IgnorePattern.Parse("!/logs/keep/\r");

        Assert.Equal(new IgnorePattern("logs/keep", Negated: true, DirectoryOnly: true, Anchored: true), pattern);
    }

    [Fact]
    public void IsMatch_ManyStarsAgainstLongName_FinishesQuickly()
    {
        var pattern = IgnorePattern.Parse("*a*a*a*a*a*a*a*a*a*a*a*a*b")!;
        var name = new string('a', 5000);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var matched = pattern.IsMatch(name, isDirectory: false);

        Assert.False(matched);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Match_LastMatchingPatternInFile_Decides()
    {
        var rules = IgnoreRules.Parse("*.json\n!keep.json\nkeep.json\n!*.yaml\n", "svc");

        Assert.True(rules.Match("svc/keep.json", isDirectory: false));
        Assert.False(rules.Match("svc/a.yaml", isDirectory: false));
        Assert.Null(rules.Match("svc/readme.md", isDirectory: false));
        Assert.Null(rules.Match("other/keep.json", isDirectory: false));
        Assert.Null(rules.Match("svcx/keep.json", isDirectory: false));
    }
}
