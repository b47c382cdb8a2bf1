using System.Text.Json;
using Shipshape.Core;
using Shipshape.Reporting;
using static Shipshape.Tests.Reporting.SecurityFindingSamples;

namespace Shipshape.Tests.Reporting;

public sealed class OcsfReportWriterTests
{
    /// <summary>
    /// The attributes OCSF 1.3.0 requires of a Detection Finding (class 2004, which extends finding and base_event):
    /// activity_id, category_uid, class_uid, type_uid, severity_id, time, metadata (with version and product, whose
    /// vendor_name is required) and finding_info (with uid and title); with their types and the enumerated values.
    /// </summary>
    private static List<string> Check(JsonElement e)
    {
        var errors = new List<string>();
        int? Integer(JsonElement owner, string name)
        {
            if (owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                return (int)Math.Min(number, int.MaxValue);
            }

            errors.Add($"{name}: required integer");
            return null;
        }

        string? Text(JsonElement owner, string name)
        {
            if (owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }

            errors.Add($"{name}: required string");
            return null;
        }

        JsonElement? Object(JsonElement owner, string name)
        {
            if (owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }

            errors.Add($"{name}: required object");
            return null;
        }

        var activity = Integer(e, "activity_id");
        if (activity is not (0 or 1 or 2 or 3 or 99))
        {
            errors.Add("activity_id: not an enumerated value");
        }

        if (Integer(e, "category_uid") != 2)
        {
            errors.Add("category_uid: 2 (Findings)");
        }

        var classUid = Integer(e, "class_uid");
        if (classUid != 2004)
        {
            errors.Add("class_uid: 2004 (Detection Finding)");
        }

        if (Integer(e, "type_uid") != classUid * 100 + activity)
        {
            errors.Add("type_uid: class_uid * 100 + activity_id");
        }

        if (Integer(e, "severity_id") is not (>= 0 and <= 6 or 99))
        {
            errors.Add("severity_id: not an enumerated value");
        }

        if (Integer(e, "time") is not > 0)
        {
            errors.Add("time: a timestamp in milliseconds");
        }

        if (Object(e, "metadata") is { } metadata)
        {
            if (Text(metadata, "version") is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
            {
                errors.Add("metadata.version: an OCSF 1.x version");
            }

            if (Object(metadata, "product") is { } product)
            {
                Text(product, "vendor_name");
            }
        }

        if (Object(e, "finding_info") is { } info)
        {
            Text(info, "uid");
            Text(info, "title");
        }

        if (e.TryGetProperty("status_id", out var status) && status.GetInt32() is not (0 or 1 or 2 or 3 or 4 or 5 or 6 or 99))
        {
            errors.Add("status_id: not an enumerated value");
        }

        if (e.TryGetProperty("remediation", out var remediation))
        {
            Text(remediation, "desc");
        }

        if (e.TryGetProperty("resources", out var resources))
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (!resource.TryGetProperty("uid", out _) && !resource.TryGetProperty("name", out _))
                {
                    errors.Add("resources[]: at least one of uid and name");
                }
            }
        }

        return errors;
    }

    private static List<JsonElement> Events(ScanReport report, SecurityFindingOptions? options = null) =>
        Lines(ReportOutput.Text(new OcsfReportWriter(options ?? Options), report));

    [Fact]
    public void Write_InsecureSampleScan_EveryEventHasTheRequiredDetectionFindingAttributes()
    {
        var events = Events(Insecure);

        Assert.Equal(Insecure.Findings.Length, events.Count);
        foreach (var e in events)
        {
            var errors = Check(e);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }

        Assert.All(events, e => Assert.Equal(Time.ToUnixTimeMilliseconds(), e.GetProperty("time").GetInt64()));
    }

    [Fact]
    public void Write_HighFinding_IsSeverityFourCreateType200401()
    {
        var e = Assert.Single(Events(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged] }));

        Assert.Equal(4, e.GetProperty("severity_id").GetInt32());
        Assert.Equal("High", e.GetProperty("severity").GetString());
        Assert.Equal(200401, e.GetProperty("type_uid").GetInt32());
        Assert.Equal(1, e.GetProperty("activity_id").GetInt32());
        Assert.Equal(1, e.GetProperty("status_id").GetInt32());
        Assert.Equal("1.3.0", e.GetProperty("metadata").GetProperty("version").GetString());
        Assert.Equal("0.1.0", e.GetProperty("metadata").GetProperty("product").GetProperty("version").GetString());
        var info = e.GetProperty("finding_info");
        Assert.Equal("shipshape/fp-privileged-0001", info.GetProperty("uid").GetString());
        Assert.Equal("Container runs privileged", info.GetProperty("title").GetString());
        Assert.Equal(SampleReport.PrivilegedRule, info.GetProperty("analytic").GetProperty("uid").GetString());
        var resource = Assert.Single(e.GetProperty("resources").EnumerateArray());
        Assert.Equal("infra/app one.yaml#AppTaskDefinition", resource.GetProperty("uid").GetString());
        Assert.Equal(42, resource.GetProperty("data").GetProperty("start_line").GetInt32());
        Assert.Equal("Remediate SHP-CTR-001.", e.GetProperty("remediation").GetProperty("desc").GetString());
        Assert.Equal(SecurityFindingSamples.Account, e.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString());
    }

    [Theory]
    [InlineData(Severity.Info, 1)]
    [InlineData(Severity.Low, 2)]
    [InlineData(Severity.Medium, 3)]
    [InlineData(Severity.High, 4)]
    [InlineData(Severity.Critical, 5)]
    public void Write_Severity_MapsToSeverityId(Severity severity, int id) =>
        Assert.Equal(id, Assert.Single(Events(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged with { Severity = severity }] }))
            .GetProperty("severity_id").GetInt32());

    [Fact]
    public void Write_SuppressedFinding_IsStatusSuppressed()
    {
        var e = Events(SampleReport.Create()).Single(x => x.GetProperty("finding_info").GetProperty("uid").GetString() == "shipshape/fp-secret-0003");

        Assert.Equal(3, e.GetProperty("status_id").GetInt32());
        Assert.Equal("Suppressed", e.GetProperty("status").GetString());
        Assert.Equal("config", e.GetProperty("unmapped").GetProperty("suppression").GetProperty("kind").GetString());
    }

    [Fact]
    public void Write_RuleWithFrameworks_ListsTheRequirementsAsCompliance()
    {
        var finding = Insecure.Findings.First(f => f.RuleId == "SHP-CTR-001");

        var e = Events(Insecure).Single(x => x.GetProperty("finding_info").GetProperty("uid").GetString() == AsffReportWriter.FindingId(finding.Fingerprint));

        var compliance = e.GetProperty("unmapped").GetProperty("compliance");
        Assert.Equal(["AWS-FSBP", "PCI-DSS-4.0", "CIS-EKS", "CIS-DOCKER"], compliance.GetProperty("standards").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["AWS-FSBP:ECS.4", "PCI-DSS-4.0:2.2.6", "CIS-EKS:4.2.1", "CIS-DOCKER:5.5"], compliance.GetProperty("requirements").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Write_WithoutAwsTarget_HasNoCloudObject()
    {
        var e = Assert.Single(Events(SampleReport.Create() with { Diagnostics = [], Findings = [SampleReport.Privileged] }, new SecurityFindingOptions { Time = Time }));

        Assert.False(e.TryGetProperty("cloud", out _));
        Assert.Empty(Check(e));
    }

    [Fact]
    public void Write_InputNotFullyChecked_IsAnInformationalDetectionFinding()
    {
        var events = Events(SampleReport.Create());

        Assert.Equal(4, events.Count);
        var broken = events.Single(e => e.GetProperty("finding_info").GetProperty("title").GetString() == "Checked only in part by Shipshape: broken.json");
        Assert.Empty(Check(broken));
        Assert.Equal(1, broken.GetProperty("severity_id").GetInt32());
        Assert.Equal("Unexpected token '}'.", broken.GetProperty("message").GetString());
        Assert.Equal("partial", broken.GetProperty("unmapped").GetProperty("incomplete").GetString());
    }

    [Fact]
    public void Checker_EventWithoutFindingInfoOrWithAWrongTypeUid_IsRefused()
    {
        // Guards the validation tests: the checker must really enforce the required attributes.
        var text = Events(SampleReport.Create())[0].GetRawText();
        using var noInfo = JsonDocument.Parse(text.Replace("\"finding_info\"", "\"finding\"", StringComparison.Ordinal));
        using var wrongType = JsonDocument.Parse(text.Replace("200401", "200402", StringComparison.Ordinal));

        Assert.Contains(Check(noInfo.RootElement), e => e.StartsWith("finding_info", StringComparison.Ordinal));
        Assert.Contains(Check(wrongType.RootElement), e => e.StartsWith("type_uid", StringComparison.Ordinal));
    }
}
