using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    [Fact]
    public void Write_MessageWithMarkup_IsEncodedNotInjected()
    {
        var html = ReportOutput.Text(new HtmlReportWriter(), SampleReport.WithMessage("<script>alert(1)</script> & \u001b[31mred"));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
    }

    [Fact]
    public void Write_SampleReport_HasChecklistAndEveryActiveFinding()
    {
        var report = SampleReport.Create();

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Checklist</h2>", html, StringComparison.Ordinal);
        foreach (var finding in report.Active)
        {
            Assert.Contains("<code>" + finding.RuleId + "</code>", html, StringComparison.Ordinal);
        }

        Assert.EndsWith("</body></html>\n", html, StringComparison.Ordinal);
    }
}
