using PuppeteerSharp;
using Shipshape.Reporting;
using Shipshape.Tests.Support;
using Xunit.Abstractions;

namespace Shipshape.Tests.Reporting;

/// <summary>The HTML report's filters, run by a real headless browser (Debian's chromium) over a file:// URL.</summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output) : IDisposable
{
    // The location cell of every finding row that is not hidden, in document order.
    private const string VisibleRows =
        "Array.from(document.querySelectorAll('tr[data-severity]')).filter(r => !r.hidden).map(r => r.cells[1].textContent)";

    private const string HiddenRows =
        "Array.from(document.querySelectorAll('tr[data-severity]')).filter(r => r.hidden).map(r => r.cells[1].textContent)";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [ChromiumFact]
    public async Task Filters_SeverityAndSearch_HideTheOtherRows()
    {
        var url = WriteReport();
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        await page.GoToAsync(url);

        // In checklist order of the practice areas (network, secrets, host and container, logging); every row visible before any filter.
        Assert.Equal(["infra/network.tf:7", "task-def.json", "infra/app.yaml:42", "k8s/web.yaml:10", "task-def.json"], await page.EvaluateExpressionAsync<string[]>(VisibleRows));
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('filters').hidden"));
        Assert.Equal("Showing all 5 listed findings.", await page.EvaluateExpressionAsync<string>("document.getElementById('filter-status').textContent"));

        await page.SelectAsync("select[name=severity]", "high");

        Assert.Equal(["infra/app.yaml:42", "k8s/web.yaml:10"], await page.EvaluateExpressionAsync<string[]>(VisibleRows));
        Assert.Equal(["infra/network.tf:7", "task-def.json", "task-def.json"], await page.EvaluateExpressionAsync<string[]>(HiddenRows));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('rule-SHP-SEC-002').hidden"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('practice-secrets').hidden"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('practice-host-and-container').hidden"));
        Assert.Equal("Showing 2 of 5 listed findings.", await page.EvaluateExpressionAsync<string>("document.getElementById('filter-status').textContent"));
        Assert.Equal("#severity=high", await page.EvaluateExpressionAsync<string>("location.hash"));
        await SaveScreenshotAsync(page, "html-report-severity-high.png");

        await page.SelectAsync("select[name=severity]", string.Empty);
        await page.TypeAsync("input[name=q]", "0.0.0.0");

        Assert.Equal(["infra/network.tf:7"], await page.EvaluateExpressionAsync<string[]>(VisibleRows));
        Assert.Equal("#q=0.0.0.0", await page.EvaluateExpressionAsync<string>("location.hash"));

        await page.ClickAsync("form#filters button[type=reset]");
        await page.WaitForExpressionAsync("document.querySelectorAll('tr[data-severity][hidden]').length === 0");

        Assert.Equal(5, (await page.EvaluateExpressionAsync<string[]>(VisibleRows)).Length);
        Assert.Equal(string.Empty, await page.EvaluateExpressionAsync<string>("location.hash"));
        await SaveScreenshotAsync(page, "html-report.png");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task Filters_FromUrlFragment_AreAppliedOnLoad()
    {
        var url = WriteReport();
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();

        await page.GoToAsync(url + "#rule=SHP-LOG-003");

        Assert.Equal(["task-def.json"], await page.EvaluateExpressionAsync<string[]>(VisibleRows));
        Assert.Equal("SHP-LOG-003", await page.EvaluateExpressionAsync<string>("document.querySelector('select[name=rule]').value"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('rule-SHP-LOG-003').hidden"));

        await using var second = await browser.NewPageAsync();
        await second.GoToAsync(url + "#severity=high&path=k8s");

        Assert.Equal(["k8s/web.yaml:10"], await second.EvaluateExpressionAsync<string[]>(VisibleRows));
        Assert.Equal("k8s", await second.EvaluateExpressionAsync<string>("document.querySelector('input[name=path]').value"));

        // A table-of-contents link changes the fragment without touching the filters.
        await second.ClickAsync("nav a[href='#practice-network']");

        Assert.Equal(["k8s/web.yaml:10"], await second.EvaluateExpressionAsync<string[]>(VisibleRows));
    }

    private string WriteReport()
    {
        var path = Path.Combine(_tree.Root, "report.html");
        File.WriteAllBytes(path, ReportOutput.Bytes(new HtmlReportWriter(), BrowserReport.Create()));
        return new Uri(path).AbsoluteUri;
    }

    private static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        Timeout = 120_000,
        DefaultViewport = new ViewPortOptions { Width = 390, Height = 844 }, // a phone
    });

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
        output.WriteLine("screenshot: " + path);
    }
}
