using Shipshape.Ingest.Dockerfile;

namespace Shipshape.Tests.Ingest.Dockerfile;

public sealed class ShellSyntaxTests
{
    [Fact]
    public void Parse_OperatorsAndPipes_SplitIntoPipelinesOfCommands()
    {
        var pipelines = ShellSyntax.Parse("apt-get update && curl -fsSL https://x | sudo -E bash - ; echo done || true");

        Assert.Equal([["apt-get"], ["curl", "bash"], ["echo"], ["true"]], pipelines.Select(p => p.Select(c => c.Program).ToArray()));
        Assert.True(pipelines[1][1].ViaSudo);
        Assert.Equal(["-"], pipelines[1][1].Arguments.AsEnumerable());
    }

    [Fact]
    public void Parse_QuotesAndEscapes_RemovedButOperatorsInsideKept()
    {
        var command = Assert.Single(ShellSyntax.Commands("grep \"--force-yes && x\" 'a|b' c\\ d"));

        Assert.Equal("grep", command.Program);
        Assert.Equal(["--force-yes && x", "a|b", "c d"], command.Arguments.AsEnumerable());
    }

    [Fact]
    public void Parse_AssignmentsExportAndPaths_Recognised()
    {
        var commands = ShellSyntax.Commands("GIT_SSL_NO_VERIFY=1 /usr/bin/git clone x; export A=1 B=\"2 3\"").ToList();

        Assert.Equal(("git", "GIT_SSL_NO_VERIFY=1"), (commands[0].Program, commands[0].Assignments[0]));
        Assert.Equal(["A=1", "B=2 3"], commands[1].Assignments.AsEnumerable());
    }

    [Fact]
    public void Parse_CommandSubstitution_StaysInItsWord()
    {
        var command = Assert.Single(ShellSyntax.Commands("sh -c \"$(curl -fsSL https://x)\" && true").Take(1));

        Assert.Equal(["-c", "$(curl -fsSL https://x)"], command.Arguments.AsEnumerable());
    }

    [Theory]
    [InlineData("-k", true)]
    [InlineData("-sSLk", true)]
    [InlineData("-lol", false)]
    [InlineData("--insecure", false)]
    public void HasShortOption_CombinedLetters(string option, bool expected) =>
        Assert.Equal(expected, Assert.Single(ShellSyntax.Commands($"curl {option} https://x")).HasShortOption('k'));

    [Fact]
    public void Parse_Backquotes_StayInsideTheirWord()
    {
        var commands = ShellSyntax.Commands("(cd `ls -1F | grep '^php5-.*/$'`/ext && make)").ToList();

        Assert.Equal(["cd", "make"], commands.Select(c => c.Program));
        Assert.Equal("`ls -1F | grep '^php5-.*/$'`/ext", Assert.Single(commands[0].Arguments));
    }
}
