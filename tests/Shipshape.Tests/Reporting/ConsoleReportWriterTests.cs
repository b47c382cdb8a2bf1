using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class ConsoleReportWriterTests
{
    private static string Render(Shipshape.Core.ScanReport report, bool color = false) =>
        ReportOutput.Text(new ConsoleReportWriter(color), report);

    [Fact]
    public void Write_WithoutColor_HasNoEscapeCharacters()
    {
        var text = Render(SampleReport.Create());

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Write_WithColor_PaintsSeverityAndResets()
    {
        var text = Render(SampleReport.Create(), color: true);

        Assert.Contains("\u001b[31m[HIGH]\u001b[0m", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33m[MEDIUM]\u001b[0m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MaliciousMessage_StripsControlCharacters()
    {
        var text = Render(SampleReport.WithMessage("owned\u001b]0;title\u0007\u001b[2J\u009b31m\r\u0000\u007f done"));

        Assert.Contains("  owned]0;title[2J31m done\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c < 0x20 && c != '\n');
        Assert.DoesNotContain(text, c => c >= 0x7f && c <= 0x9f);
    }

    [Fact]
    public void Write_MaliciousPathAndAddress_StripsControlCharacters()
    {
        var finding = SampleReport.Privileged with
        {
            Location = new Shipshape.Core.SourceSpan("evil\u001b[31m.yaml", 1, 1, 1, 1),
            Resource = new Shipshape.Core.ResourceRef("Res\u0085ource", "Kind\u001b", "a\u0008b"),
        };
        var text = Render(SampleReport.Create() with { Findings = [finding] });

        Assert.Contains("  evil[31m.yaml:1  Resource (Kind) ab\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_ShowsHeaderChecklistFindingAndFix()
    {
        var lines = Render(SampleReport.Create()).Split('\n').ToList();

        Assert.Equal("Shipshape 0.1.0: scanned 4 files, 6 resources, 2 findings", lines[0]);
        Assert.Contains("  ✔ IAM management", lines);
        Assert.Contains("  ✔ Secrets management  (1 suppressed)", lines);
        Assert.Contains("  ✖ Host and container security  1 high", lines);
        var heading = lines.IndexOf("[HIGH] SHP-CTR-001 Container runs privileged");
        Assert.True(heading > 0);
        Assert.Equal("Host and container security", lines[heading - 1]);
        Assert.Equal("  infra/app one.yaml:42  AppTaskDefinition (AWS::ECS::TaskDefinition) containerDefinitions[web].privileged", lines[heading + 1]);
        Assert.Equal("  Container 'web' in task definition 'app' sets privileged to true.", lines[heading + 2]);
        Assert.Equal("  Fix: Remediate SHP-CTR-001.", lines[heading + 3]);
        Assert.Contains("  task-def.json  app (AWS::ECS::TaskDefinition)", lines);
    }

    [Fact]
    public void Write_SuppressedFinding_IsCountedButNotListed()
    {
        var text = Render(SampleReport.Create());

        Assert.DoesNotContain("SHP-SEC-002", text, StringComparison.Ordinal);
        Assert.EndsWith("\n2 findings (0 critical, 1 high, 1 medium, 0 low, 0 info); 1 suppressed\n"
            + "Not fully checked: 0 inputs not checked, 1 checked in part (see the diagnostics).\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnostics_AreListedWithSeverityAndLocation()
    {
        var lines = Render(SampleReport.Create()).Split('\n');

        Assert.Contains("  error broken.json:3: Unexpected token '}'.", lines);
        Assert.Contains("  warning huge.yaml: File is larger than 5 MB; skipped.", lines);
    }
}
