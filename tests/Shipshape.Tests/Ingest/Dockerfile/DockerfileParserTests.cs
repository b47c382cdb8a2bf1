using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Dockerfile;

namespace Shipshape.Tests.Ingest.Dockerfile;

/// <summary>Examples from Docker's Dockerfile reference (docs.docker.com/reference/dockerfile).</summary>
public sealed class DockerfileParserTests
{
    private static DockerfileSyntax Parse(string text) => DockerfileParser.Parse("Dockerfile", text.ReplaceLineEndings("\n"));

    private static (IReadOnlyList<DockerfileStage> Stages, IReadOnlyList<Diagnostic> Diagnostics) Adapt(string text)
    {
        var result = DockerfileAdapter.Adapt("Dockerfile", Parse(text), "dockerfile");
        return (result.Resources.Cast<DockerfileStage>().ToList(), result.Diagnostics);
    }

    [Theory]
    // Shell form: every simple command, split on &&, ||, ; and pipes.
    [InlineData("RUN apt-get update && apt-get install -y curl | tee /log || true", "apt-get update|apt-get install -y curl|tee /log|true")]
    // Exec form: the program and its words; sh -c runs its script.
    [InlineData("RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]", "apt-get install -y curl")]
    [InlineData("RUN [\"/bin/sh\", \"-c\", \"cd /app && make\"]", "cd /app|make")]
    // Heredoc read by the shell (Dockerfile reference, "Here-Documents"): its body is the script.
    [InlineData("RUN <<EOF\napk add curl\nrm -rf /tmp/x\nEOF", "apk add curl|rm -rf /tmp/x")]
    [InlineData("RUN bash <<EOF\nset -e\nmake\nEOF", "bash|set -e|make")]
    // Heredoc read by another program: data, not commands.
    [InlineData("RUN python3 <<EOF\nimport os\nEOF", "python3")]
    public void Parse_Run_PipelinesHoldTheCommandsTheShellRuns(string run, string expected)
    {
        var instruction = Parse("FROM alpine:3.20\n" + run + "\n").Instructions[1];

        Assert.Equal(expected, string.Join('|', instruction.Commands.Select(c => string.Join(' ', [c.Program, .. c.Arguments]))));
    }

    [Fact]
    public void Adapt_StageNameUsedTwice_SecondStageHasItsOwnAddress()
    {
        // Docker rejects a repeated stage name ("duplicate stage name"); the file is still checked, and the findings of
        // the second stage must not share the first's fingerprint.
        var (stages, _) = Adapt("FROM alpine:3.20 AS build\nRUN make\nFROM alpine:3.20 AS BUILD\nRUN make test\nFROM alpine:3.20 AS build\n");

        Assert.Equal(["build", "BUILD#2", "build#3"], stages.Select(s => s.Address));
    }

    [Fact]
    public void Parse_Words_ExecFormOrDockerfileQuoting()
    {
        var syntax = Parse("FROM alpine:3.20 AS base\nCOPY [\"a b\", \"/dst/\"]\nCOPY --chown=app \"c d\" e /dst/\n");

        Assert.Equal(["alpine:3.20", "AS", "base"], syntax.Instructions[0].Words.ToArray());
        Assert.Equal(["a b", "/dst/"], syntax.Instructions[1].Words.ToArray());
        Assert.Equal(["c d", "e", "/dst/"], syntax.Instructions[2].Words.ToArray());
        Assert.Empty(syntax.Instructions[2].Pipelines);
    }

    [Fact]
    public void Parse_EscapeDirectiveBacktick_WindowsPathsAreNotContinuations()
    {
        var syntax = Parse("# escape=`\n\nFROM mcr.microsoft.com/windows/servercore\nCOPY testfile.txt c:\\\nRUN dir c:\\\n");

        Assert.Equal('`', syntax.Escape);
        Assert.Equal(["FROM", "COPY", "RUN"], syntax.Instructions.Select(i => i.Keyword));
        Assert.Equal("testfile.txt c:\\", syntax.Instructions[1].Arguments);
        Assert.Equal([3, 4, 5], syntax.Instructions.Select(i => i.Span.StartLine));
        Assert.Empty(syntax.Diagnostics);
    }

    [Fact]
    public void Parse_BacktickContinuation_JoinsLines()
    {
        var syntax = Parse("# escape=`\nFROM windows\nRUN echo one `\n    two\n");

        var run = syntax.Instructions[1];
        Assert.Equal("echo one     two", run.Arguments);
        Assert.Equal((3, 4), (run.Span.StartLine, run.Span.EndLine));
    }

    [Fact]
    public void Parse_DirectiveAfterComment_IsAComment()
    {
        var syntax = Parse("# about my dockerfile\n# escape=`\nFROM alpine\nRUN echo \\\n  x\n");

        Assert.Equal('\\', syntax.Escape);
        Assert.Empty(syntax.Directives);
        Assert.Equal("echo   x", syntax.Instructions[1].Arguments);
    }

    [Fact]
    public void Parse_CommentAndEmptyLinesInsideContinuation_AreRemoved()
    {
        var syntax = Parse("FROM debian\nRUN apt-get update \\\n# a comment\n\n    && apt-get install -y curl\nUSER app\n");

        Assert.Equal(["FROM", "RUN", "USER"], syntax.Instructions.Select(i => i.Keyword));
        Assert.Equal("apt-get update     && apt-get install -y curl", syntax.Instructions[1].Arguments);
        Assert.Equal((2, 5), (syntax.Instructions[1].Span.StartLine, syntax.Instructions[1].Span.EndLine));
        Assert.Equal(6, syntax.Instructions[2].Span.StartLine);
    }

    [Fact]
    public void Parse_Heredoc_BodyBelongsToRunAndLinesAdvance()
    {
        var syntax = Parse("# syntax=docker/dockerfile:1\nFROM debian\nRUN <<EOT bash\n  set -ex\n  apt-get update\nEOT\nUSER app\n");

        Assert.Equal("docker/dockerfile:1", syntax.Directives["syntax"]);
        var run = syntax.Instructions[1];
        Assert.Equal("<<EOT bash", run.Arguments);
        Assert.Equal(["  set -ex\n  apt-get update\n"], run.Heredocs.AsEnumerable());
        Assert.Equal((3, 6), (run.Span.StartLine, run.Span.EndLine));
        Assert.Contains("apt-get update", run.CommandText, StringComparison.Ordinal);
        Assert.Equal(("USER", 7), (syntax.Instructions[2].Keyword, syntax.Instructions[2].Span.StartLine));
    }

    [Fact]
    public void Parse_DashedAndQuotedHeredocs_StripTabsAndMatchDelimiter()
    {
        var syntax = Parse("FROM alpine\nCOPY <<-\"EOF\" /app/script.sh\n\techo hello\n\tEOF\nRUN <<FILE1 <<FILE2 cat\none\nFILE1\ntwo\nFILE2\n");

        Assert.Equal(["echo hello\n"], syntax.Instructions[1].Heredocs.AsEnumerable());
        Assert.Equal(["one\n", "two\n"], syntax.Instructions[2].Heredocs.AsEnumerable());
        Assert.Empty(syntax.Diagnostics);
    }

    [Fact]
    public void Parse_UnterminatedHeredoc_DiagnosticWithLine()
    {
        var syntax = Parse("FROM alpine\nRUN <<EOF\necho never closed\n");

        var diagnostic = Assert.Single(syntax.Diagnostics);
        Assert.Equal(2, diagnostic.Location.StartLine);
        Assert.Contains("not terminated", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExecAndShellForms_ExecFormOnlyForJsonArrays()
    {
        var syntax = Parse("FROM alpine\nCMD [\"executable\",\"param1\",\"param2\"]\nENTRYPOINT [\"top\", \"-b\"\nRUN [ \"echo\", \"$HOME\" ]\n");

        Assert.Equal(["executable", "param1", "param2"], syntax.Instructions[1].ExecForm!.Value.AsEnumerable());
        Assert.Null(syntax.Instructions[2].ExecForm);
        Assert.Equal("echo $HOME", syntax.Instructions[3].CommandText);
    }

    [Fact]
    public void Parse_Flags_AreSeparatedFromArguments()
    {
        var syntax = Parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nCOPY --from=build --chown=app:app /out /app\nRUN --mount=type=cache,target=/root/.cache go build\n");

        Assert.Equal("$BUILDPLATFORM", syntax.Instructions[0].Flag("platform"));
        Assert.Equal("golang:1.22 AS build", syntax.Instructions[0].Arguments);
        Assert.Equal("build", syntax.Instructions[1].Flag("from"));
        Assert.Equal("go build", syntax.Instructions[2].Arguments);
    }

    [Fact]
    public void Parse_Garbage_DiagnosticNotException()
    {
        var syntax = Parse("FROM alpine\n\"quoted nonsense\nfrob something\n");

        Assert.Equal(2, syntax.Diagnostics.Length);
        Assert.Equal([2, 3], syntax.Diagnostics.Select(d => d.Location.StartLine));
        Assert.Equal(DiagnosticSeverity.Error, syntax.Diagnostics[0].Severity);
        Assert.Contains("unknown instruction 'FROB'", syntax.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adapt_ArgBeforeFrom_SubstitutedIntoEachStage()
    {
        var (stages, diagnostics) = Adapt("ARG  CODE_VERSION=latest\nFROM base:${CODE_VERSION}\nCMD  /code/run-app\n\nFROM extras:${CODE_VERSION}\nCMD  /code/run-extras\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["base:latest", "extras:latest"], stages.Select(s => s.BaseImage.Current));
        Assert.All(stages, s => Assert.True(s.BaseImage.IsExplicit));
        Assert.Equal([false, true], stages.Select(s => s.IsFinal));
        Assert.Equal(["stage[0]", "stage[1]"], stages.Select(s => s.Address));
    }

    [Theory]
    [InlineData("ARG TAG\nFROM alpine:${TAG:-3.20}\n", "alpine:3.20", true)]
    [InlineData("ARG TAG=3.19\nFROM alpine:${TAG:-3.20}\n", "alpine:3.19", true)]
    [InlineData("ARG REGISTRY\nFROM $REGISTRY/alpine:3.20\n", "$REGISTRY/alpine:3.20", false)]
    [InlineData("FROM ${IMAGE}\n", "${IMAGE}", false)]
    public void Adapt_VariableInBaseImage_ResolvedOrUnresolved(string text, string image, bool known)
    {
        var stage = Assert.Single(Adapt(text).Stages);

        Assert.Equal((image, known), (stage.BaseImage.Current, stage.BaseImage.IsKnown));
    }

    [Fact]
    public void Adapt_StageBuildsOnStage_InheritsUserAndHealthcheck()
    {
        var (stages, _) = Adapt("FROM alpine:3.20 AS base\nUSER 1000\nHEALTHCHECK CMD wget -q localhost\nFROM base AS final\nCOPY app /app\n");

        var final = stages[1];
        Assert.Equal(("final", "base"), (final.Alias, final.ParentStage));
        Assert.Equal(("1000", 2), (final.User.Current, final.User.Span.StartLine));
        Assert.Equal("CMD wget -q localhost", final.Healthcheck.Current);
    }

    [Fact]
    public void Adapt_EnvArgExposeUser_ModelValuesWithLines()
    {
        var (stages, _) = Adapt("FROM alpine:3.20\nARG VERSION=1.2\nENV APP_HOME=/app MODE=\"prod mode\"\nENV LEGACY some value\nEXPOSE 80/tcp 22\nUSER ${USERNAME:-app}:app\n");

        var stage = Assert.Single(stages);
        Assert.Equal([("APP_HOME", "/app"), ("MODE", "prod mode"), ("LEGACY", "some value")], stage.Environment.Select(e => (e.Name.Current, e.Val.Current)));
        Assert.Equal(("VERSION", "1.2"), (stage.BuildArgs[0].Name.Current, stage.BuildArgs[0].Val.Current));
        Assert.Equal(["80/tcp", "22"], stage.ExposedPorts.Select(p => p.Current));
        Assert.Equal(("app:app", 6), (stage.User.Current, stage.User.Span.StartLine));
        Assert.Equal(5, stage.ExposedPorts[1].Span.StartLine);
    }

    [Fact]
    public void Adapt_NoFrom_DiagnosticAndNoStages()
    {
        var (stages, diagnostics) = Adapt("RUN echo hi\n");

        Assert.Empty(stages);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Location.StartLine == 1 && d.Message.Contains("before the first FROM", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\\")]
    [InlineData("FROM")]
    [InlineData("FROM a AS")]
    [InlineData("FROM a\nRUN <<")]
    [InlineData("FROM a\nRUN <<EOF")]
    [InlineData("FROM a\nENV\nARG =\nUSER\nEXPOSE\nHEALTHCHECK\nONBUILD")]
    [InlineData("FROM a\nRUN $((( \"unterminated '")]
    [InlineData("# escape=x\nFROM a \\\n")]
    [InlineData("FROM ${A:-${B}}\nUSER ${\n")]
    [InlineData("\uFEFF\u0000FROM a\r\nRUN echo \\\r\n")]
    public void Parse_MalformedInput_NeverThrows(string text)
    {
        var syntax = DockerfileParser.Parse("Dockerfile", text);
        var result = DockerfileAdapter.Adapt("Dockerfile", syntax, "dockerfile");

        Assert.All(result.Diagnostics, d => Assert.Equal("Dockerfile", d.Location.Path));
        Assert.All(result.Resources.Cast<DockerfileStage>(), s => Assert.All(s.Runs, r => Assert.False(r.Pipelines.IsDefault)));
    }
}
