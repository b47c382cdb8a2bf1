using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Reporting;
using static Shipshape.Tests.Reporting.SecurityFindingSamples;

namespace Shipshape.Tests.Reporting;

public sealed class AsffReportWriterTests
{
    private static void AssertValid(IEnumerable<JsonElement> records)
    {
        foreach (var record in records)
        {
            var errors = AsffChecker.Check(record);
            Assert.True(errors.Count == 0, record.GetProperty("Id") + ": " + string.Join("; ", errors));
        }
    }

    private static Finding Numbered(int i) => SampleReport.Privileged with
    {
        Fingerprint = "fp-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        Location = new SourceSpan("infra/app.yaml", i + 1, 1, i + 1, 1),
    };

    [Fact]
    public void Write_InsecureSampleScan_EveryRecordMeetsTheAsffRules()
    {
        var records = Asff(Insecure);

        Assert.Equal(Insecure.Findings.Length, records.Count);
        AssertValid(records);
        Assert.All(records, r => Assert.Equal($"arn:aws:securityhub:{Region}:{Account}:product/{Account}/default", r.GetProperty("ProductArn").GetString()));
        Assert.All(records, r => Assert.Equal(TimeText, r.GetProperty("UpdatedAt").GetString()));
    }

    [Fact]
    public void Write_UnencryptedEfs_NamesTheCisAwsFoundationsStandard()
    {
        // SHP-CMP-001 maps to CIS AWS Foundations 3.0.0 recommendation 2.4.1, which Security Hub's CIS v3.0.0
        // standard checks (EFS.1).
        var finding = Insecure.Findings.First(f => f.RuleId == "SHP-CMP-001");

        var record = ById(Asff(Insecure), AsffReportWriter.FindingId(finding.Fingerprint));

        Assert.Contains("CIS-AWS:2.4.1", record.GetProperty("Compliance").GetProperty("RelatedRequirements").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["standards/aws-foundational-security-best-practices/v/1.0.0", "standards/cis-aws-foundations-benchmark/v/3.0.0"],
            record.GetProperty("Compliance").GetProperty("AssociatedStandards").EnumerateArray().Select(s => s.GetProperty("StandardsId").GetString()));
        Assert.Contains("Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark",
            record.GetProperty("Types").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Write_PrivilegedTaskDefinition_MapsRuleSeverityStandardsAndResource()
    {
        var finding = Insecure.Findings.First(f => f.RuleId == "SHP-CTR-001" && f.Location.Path.EndsWith("web.json", StringComparison.Ordinal));

        var record = ById(Asff(Insecure), AsffReportWriter.FindingId(finding.Fingerprint));

        Assert.Equal("SHP-CTR-001", record.GetProperty("GeneratorId").GetString());
        Assert.Equal("HIGH", record.GetProperty("Severity").GetProperty("Label").GetString());
        Assert.Equal("high", record.GetProperty("Severity").GetProperty("Original").GetString());
        Assert.Equal(
            ["Software and Configuration Checks/AWS Security Best Practices",
             "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices",
             "Software and Configuration Checks/Industry and Regulatory Standards/PCI-DSS"],
            record.GetProperty("Types").EnumerateArray().Select(t => t.GetString()));
        var compliance = record.GetProperty("Compliance");
        Assert.Equal("FAILED", compliance.GetProperty("Status").GetString());
        Assert.Equal(["AWS-FSBP:ECS.4", "PCI-DSS-4.0:2.2.6", "CIS-EKS:4.2.1", "CIS-DOCKER:5.5"], compliance.GetProperty("RelatedRequirements").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["standards/aws-foundational-security-best-practices/v/1.0.0", "standards/pci-dss/v/4.0.1"],
            compliance.GetProperty("AssociatedStandards").EnumerateArray().Select(s => s.GetProperty("StandardsId").GetString()));
        var resource = Assert.Single(record.GetProperty("Resources").EnumerateArray());
        Assert.Equal("AwsEcsTaskDefinition", resource.GetProperty("Type").GetString());
        Assert.Equal("samples/ecs-insecure/web.json#shop-web", resource.GetProperty("Id").GetString());
        Assert.Equal("containerDefinitions[web].privileged", resource.GetProperty("Details").GetProperty("Other").GetProperty("propertyPath").GetString());
        Assert.Equal(finding.Location.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource.GetProperty("Details").GetProperty("Other").GetProperty("startLine").GetString());
        Assert.Equal("https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/SHP-CTR-001.md",
            record.GetProperty("Remediation").GetProperty("Recommendation").GetProperty("Url").GetString());
        Assert.Equal("ACTIVE", record.GetProperty("RecordState").GetString());
        Assert.Equal("NEW", record.GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Equal("SHP-CTR-001", record.GetProperty("ProductFields").GetProperty("shipshape/RuleId").GetString());
    }

    [Fact]
    public void Write_HardCodedSecret_IsAPasswordsIdentificationWithoutTheSecret()
    {
        var secrets = Asff(Insecure).Where(r => r.GetProperty("GeneratorId").GetString() is "SHP-SEC-100" or "SHP-SEC-002").ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, r => Assert.Contains("Sensitive Data Identifications/Passwords", r.GetProperty("Types").EnumerateArray().Select(t => t.GetString())));
        Assert.All(secrets, r => Assert.Equal("CRITICAL", r.GetProperty("Severity").GetProperty("Label").GetString()));
        var text = string.Join("\n", secrets.Select(s => s.GetRawText()));
        Assert.DoesNotContain("AKIAZ7Q3XKJ4TLM2WQPB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-shop-prod", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Severity.Info, "INFORMATIONAL")]
    [InlineData(Severity.Low, "LOW")]
    [InlineData(Severity.Medium, "MEDIUM")]
    [InlineData(Severity.Critical, "CRITICAL")]
    public void Write_Severity_IsTheAsffLabelWithTheOriginalName(Severity severity, string label)
    {
        var record = Assert.Single(Asff(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged with { Severity = severity }] }));

        Assert.Equal(label, record.GetProperty("Severity").GetProperty("Label").GetString());
        Assert.Equal(severity.ToName(), record.GetProperty("Severity").GetProperty("Original").GetString());
        Assert.Equal(label, record.GetProperty("FindingProviderFields").GetProperty("Severity").GetProperty("Label").GetString());
    }

    [Fact]
    public void Write_SuppressedFinding_IsActiveWithWorkflowSuppressed()
    {
        var record = ById(Asff(SampleReport.Create()), AsffReportWriter.FindingId(SampleReport.Secret.Fingerprint));

        Assert.Equal("ACTIVE", record.GetProperty("RecordState").GetString());
        Assert.Equal("SUPPRESSED", record.GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Equal("Test key, rotated", record.GetProperty("ProductFields").GetProperty("shipshape/SuppressionReason").GetString());
    }

    [Fact]
    public void Write_OversizedTexts_AreCutToTheDocumentedLimits()
    {
        var rule = SampleReport.Rule(SampleReport.PrivilegedRule, new string('T', 900), Severity.High, Practice.HostAndContainer, []) with
        {
            Remediation = new string('R', 3000),
            Frameworks = [.. Enumerable.Range(1, 40).Select(i => "PCI-DSS-4.0:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
        var finding = SampleReport.Privileged with
        {
            Title = new string('T', 900),
            Message = new string('M', 5000),
            Resource = SampleReport.Privileged.Resource with { Address = new string('A', 700), Path = new string('P', 3000) },
        };
        var report = SampleReport.Create() with { Diagnostics = [], Findings = [finding], Rules = SampleReport.Rules.SetItem(rule.Id, rule) };

        var record = Assert.Single(Asff(report));

        AssertValid([record]);
        Assert.Equal(256, record.GetProperty("Title").GetString()!.Length);
        Assert.EndsWith("…", record.GetProperty("Title").GetString(), StringComparison.Ordinal);
        Assert.Equal(1024, record.GetProperty("Description").GetString()!.Length);
        Assert.Equal(512, record.GetProperty("Remediation").GetProperty("Recommendation").GetProperty("Text").GetString()!.Length);
        Assert.Equal(32, record.GetProperty("Compliance").GetProperty("RelatedRequirements").GetArrayLength());
        var resource = record.GetProperty("Resources")[0];
        Assert.Equal(512, resource.GetProperty("Id").GetString()!.Length);
        Assert.Equal(1023, resource.GetProperty("Details").GetProperty("Other").GetProperty("propertyPath").GetString()!.Length);
        Assert.Equal(2048, record.GetProperty("ProductFields").GetProperty("shipshape/PropertyPath").GetString()!.Length);
    }

    [Fact]
    public void Write_250Findings_AreThreeBatchesOfAtMost100()
    {
        var report = SampleReport.Create() with { Diagnostics = [], Findings = [.. Enumerable.Range(0, 250).Select(Numbered)] };

        var batches = Batches(ReportOutput.Text(new AsffReportWriter(Options), report));

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(250, batches.SelectMany(b => b).Select(r => r.GetProperty("Id").GetString()).Distinct().Count());
        Assert.Equal("shipshape/fp-0000", batches[0][0].GetProperty("Id").GetString());
        Assert.Equal("shipshape/fp-0249", batches[2][^1].GetProperty("Id").GetString());
    }

    [Fact]
    public void Write_LargeArchivedRecords_SplitBatchesUnderTheRequestSizeLimit()
    {
        // 120 previous records of about 100 KB each: 12 MB, over two requests' worth of bytes but only 120 findings.
        var padding = new string('x', 100_000);
        var previous = Enumerable.Range(0, 120).Select(i =>
        {
            var id = "shipshape/gone-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            using var document = JsonDocument.Parse(JsonSerializerFree(id, padding));
            return new PreviousFinding(id, document.RootElement.Clone());
        }).ToImmutableArray();

        var text = ReportOutput.Text(new AsffReportWriter(Options with { Previous = previous }), SampleReport.Empty());

        var lines = text[..^1].Split('\n');
        Assert.True(lines.Length >= 3, $"{lines.Length} batches");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= AsffReportWriter.MaxBatchBytes, $"batch of {Encoding.UTF8.GetByteCount(l)} bytes"));
        Assert.Equal(120, Batches(text).Sum(b => b.Count));
    }

    // A minimal previous record with a large product field, written by hand: the tests avoid reflection serialisation too.
    private static string JsonSerializerFree(string id, string padding) =>
        $$"""{"SchemaVersion":"2018-10-08","Id":"{{id}}","GeneratorId":"SHP-CTR-001","Title":"t","Description":"d","Types":["Software and Configuration Checks/AWS Security Best Practices"],"CreatedAt":"2025-01-01T00:00:00.000Z","UpdatedAt":"2025-01-01T00:00:00.000Z","Severity":{"Label":"HIGH"},"Resources":[{"Type":"Other","Id":"x"}],"ProductFields":{"pad":"{{padding}}"},"RecordState":"ACTIVE"}""";

    [Fact]
    public void Write_PreviousExportWithAFixedFinding_ArchivesItUnderTheSameIdAndKeepsCreatedAt()
    {
        var earlier = Options with { Time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var first = ReportOutput.Text(new AsffReportWriter(earlier), SampleReport.Create());
        var previous = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(first));
        Assert.Equal(4, previous.Count); // three findings and broken.json, checked only in part

        // The no-logs finding was fixed.
        var records = Asff(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged, SampleReport.Secret] }, Options with { Previous = [.. previous] });

        AssertValid(records);
        Assert.Equal(4, records.Count);
        var archived = ById(records, AsffReportWriter.FindingId(SampleReport.NoLogs.Fingerprint));
        Assert.Equal("ARCHIVED", archived.GetProperty("RecordState").GetString());
        Assert.Equal("PASSED", archived.GetProperty("Compliance").GetProperty("Status").GetString());
        Assert.False(archived.TryGetProperty("Workflow", out _));
        Assert.Equal(TimeText, archived.GetProperty("UpdatedAt").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", archived.GetProperty("CreatedAt").GetString());
        Assert.Equal(SampleReport.LogRule, archived.GetProperty("GeneratorId").GetString());

        var still = ById(records, AsffReportWriter.FindingId(SampleReport.Privileged.Fingerprint));
        Assert.Equal("ACTIVE", still.GetProperty("RecordState").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", still.GetProperty("CreatedAt").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", still.GetProperty("FirstObservedAt").GetString());
        Assert.Equal(TimeText, still.GetProperty("LastObservedAt").GetString());
    }

    [Fact]
    public void Write_PreviousRecordAlreadyArchived_IsNotWrittenAgain()
    {
        var first = ReportOutput.Text(new AsffReportWriter(Options), SampleReport.Create());
        var second = ReportOutput.Text(new AsffReportWriter(Options with { Previous = [.. AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(first))] }), SampleReport.Empty());
        var third = ReportOutput.Text(new AsffReportWriter(Options with { Previous = [.. AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(second))] }), SampleReport.Empty());

        Assert.Equal(4, Batches(second).Sum(b => b.Count));
        Assert.Equal(string.Empty, third);
    }

    [Fact]
    public void Write_BaselineEntryNoLongerFound_IsAValidArchivedRecordBuiltFromTheRule()
    {
        var entry = new PreviousFinding(AsffReportWriter.FindingId("fp-gone"), null, SampleReport.PrivilegedRule, "infra/old.yaml", "OldTaskDefinition");

        var records = Asff(SampleReport.Create(), Options with { Previous = [entry] });

        AssertValid(records);
        var archived = ById(records, "shipshape/fp-gone");
        Assert.Equal("ARCHIVED", archived.GetProperty("RecordState").GetString());
        Assert.Equal(SampleReport.PrivilegedRule, archived.GetProperty("GeneratorId").GetString());
        Assert.Equal("Container runs privileged", archived.GetProperty("Title").GetString());
        Assert.Equal("HIGH", archived.GetProperty("Severity").GetProperty("Label").GetString());
        Assert.Equal("infra/old.yaml#OldTaskDefinition", archived.GetProperty("Resources")[0].GetProperty("Id").GetString());
        Assert.Equal("PASSED", archived.GetProperty("Compliance").GetProperty("Status").GetString());
    }

    [Fact]
    public void Write_PreviousFindingOfARuleThatDidNotRun_IsNotArchived()
    {
        var previous = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(ReportOutput.Text(new AsffReportWriter(Options), SampleReport.Create() with { Diagnostics = [] })));
        // This run had only the privileged-container rule (--rule SHP-CTR-001) and it found nothing.
        var report = SampleReport.Empty() with { Rules = SampleReport.Rules.Where(r => r.Key == SampleReport.PrivilegedRule).ToImmutableSortedDictionary() };

        var records = Asff(report, Options with { Previous = [.. previous] });

        var archived = Assert.Single(records);
        Assert.Equal(AsffReportWriter.FindingId(SampleReport.Privileged.Fingerprint), archived.GetProperty("Id").GetString());
        Assert.Equal("ARCHIVED", archived.GetProperty("RecordState").GetString());
    }

    [Fact]
    public void Write_BaselineEntryStillFound_IsNotArchived()
    {
        var entry = new PreviousFinding(AsffReportWriter.FindingId(SampleReport.Privileged.Fingerprint), null, SampleReport.PrivilegedRule, "infra/app one.yaml", "AppTaskDefinition");

        var records = Asff(SampleReport.Create() with { Diagnostics = [] }, Options with { Previous = [entry] });

        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal("ACTIVE", r.GetProperty("RecordState").GetString()));
    }

    [Fact]
    public void Write_TwoFindingsSharingAFingerprint_AreOneRecordTheFirst()
    {
        var second = SampleReport.Privileged with { Message = "Container 'sidecar' in task definition 'app' sets privileged to true." };

        var records = Asff(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged, second] });

        var record = Assert.Single(records);
        Assert.Equal(SampleReport.Privileged.Message, record.GetProperty("Description").GetString());
    }

    [Fact]
    public void Write_InputNotFullyChecked_IsAnInformationalRecordWithComplianceWarning()
    {
        var report = SampleReport.Create() with { Diagnostics = [Diagnostic.Skipped(SourceSpan.FileOnly("huge.yaml"), "File is larger than 10 MB; skipped.")] };

        var records = Asff(report);

        AssertValid(records);
        var record = records.Single(r => r.GetProperty("GeneratorId").GetString() == "shipshape/incomplete");
        Assert.StartsWith("shipshape/incomplete/", record.GetProperty("Id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Not checked by Shipshape: huge.yaml", record.GetProperty("Title").GetString());
        Assert.Equal("File is larger than 10 MB; skipped.", record.GetProperty("Description").GetString());
        Assert.Equal("INFORMATIONAL", record.GetProperty("Severity").GetProperty("Label").GetString());
        Assert.Equal("WARNING", record.GetProperty("Compliance").GetProperty("Status").GetString());
        Assert.Equal("huge.yaml", record.GetProperty("Resources")[0].GetProperty("Id").GetString());
    }

    [Fact]
    public void Write_PreviousFindingInAnInputNotFullyChecked_IsNotArchived()
    {
        var previous = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(ReportOutput.Text(new AsffReportWriter(Options), SampleReport.Create())));
        // task-def.json (the no-logs and secret findings) could not be parsed this time; infra/app one.yaml was checked.
        var report = SampleReport.Empty() with { Diagnostics = [Diagnostic.Error(new SourceSpan("task-def.json", 3, 1, 3, 1), "Unexpected token.")] };

        var records = Asff(report, Options with { Previous = [.. previous] });

        var archived = records.Where(r => r.GetProperty("RecordState").GetString() == "ARCHIVED").Select(r => r.GetProperty("Id").GetString()).ToList();
        // Archived: the privileged finding, and broken.json's "checked only in part" record (broken.json is fine now).
        Assert.Equal(2, archived.Count);
        Assert.Contains(AsffReportWriter.FindingId(SampleReport.Privileged.Fingerprint), archived);
        Assert.Contains(archived, id => id!.StartsWith("shipshape/incomplete/", StringComparison.Ordinal));
        Assert.DoesNotContain(AsffReportWriter.FindingId(SampleReport.NoLogs.Fingerprint), archived);
        Assert.DoesNotContain(AsffReportWriter.FindingId(SampleReport.Secret.Fingerprint), archived);
    }

    [Fact]
    public void Write_ScanIncompleteOutsideAnyFile_ArchivesNothing()
    {
        var previous = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(ReportOutput.Text(new AsffReportWriter(Options), SampleReport.Create())));
        var report = SampleReport.Empty() with { Diagnostics = [Diagnostic.Skipped(SourceSpan.FileOnly("<engine>"), "The scan timed out.")] };

        var records = Asff(report, Options with { Previous = [.. previous] });

        Assert.DoesNotContain(records, r => r.GetProperty("RecordState").GetString() == "ARCHIVED");
    }

    [Fact]
    public void Write_EmptyReport_WritesNothing() =>
        Assert.Equal(string.Empty, ReportOutput.Text(new AsffReportWriter(Options), SampleReport.Empty()));

    [Fact]
    public void Checker_RecordWithoutTitleOrWithAnUnknownNamespace_IsRefused()
    {
        // Guards the validation tests: the checker must really enforce the rules.
        var record = Asff(SampleReport.Create())[0].GetRawText();
        using var noTitle = JsonDocument.Parse(System.Text.RegularExpressions.Regex.Replace(record, "\"Title\":\"[^\"]*\",", string.Empty));
        using var badType = JsonDocument.Parse(record.Replace("Software and Configuration Checks/AWS", "Misconfigurations/AWS", StringComparison.Ordinal));
        using var badLabel = JsonDocument.Parse(record.Replace("\"Label\":\"HIGH\"", "\"Label\":\"SEVERE\"", StringComparison.Ordinal));

        Assert.Contains(AsffChecker.Check(noTitle.RootElement), e => e.StartsWith("Title", StringComparison.Ordinal));
        Assert.Contains(AsffChecker.Check(badType.RootElement), e => e.StartsWith("Types", StringComparison.Ordinal));
        Assert.Contains(AsffChecker.Check(badLabel.RootElement), e => e.StartsWith("Severity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"not\": \"asff\"}")]
    [InlineData("[1, 2]")]
    [InlineData("[{\"Id\": 42}]")]
    public void ReadPrevious_NotAnAsffExport_Throws(string text) =>
        Assert.ThrowsAny<Exception>(() => AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ReadPrevious_RequestEnvelopeAndPlainArray_AreRead()
    {
        var fromEnvelope = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes("{\"Findings\": [{\"Id\": \"a\"}, {\"Id\": \"b\"}]}"));
        var fromArray = AsffReportWriter.ReadPrevious(Encoding.UTF8.GetBytes("[{\"Id\": \"a\"}]\n[{\"Id\": \"c\"}]\n"));

        Assert.Equal(["a", "b"], fromEnvelope.Select(p => p.Id));
        Assert.Equal(["a", "c"], fromArray.Select(p => p.Id));
    }

    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("eusc-de-east-1", "aws-eusc")]
    public void ProductArn_Region_UsesItsPartition(string region, string partition)
    {
        var record = Assert.Single(Asff(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged] }, Options with { AwsRegion = region }));

        Assert.Equal($"arn:{partition}:securityhub:{region}:{Account}:product/{Account}/default", record.GetProperty("ProductArn").GetString());
        Assert.Equal(partition, record.GetProperty("Resources")[0].GetProperty("Partition").GetString());
    }

    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("ap-southeast-5", true)]
    [InlineData("us-isob-east-1", true)]
    [InlineData("EU-WEST-1", false)]
    [InlineData("eu-west", false)]
    [InlineData("Ireland", false)]
    [InlineData("eu-west-1; rm -rf", false)]
    public void IsRegion_Text_AcceptsRegionShapesOnly(string text, bool expected) => Assert.Equal(expected, AwsTarget.IsRegion(text));
}
