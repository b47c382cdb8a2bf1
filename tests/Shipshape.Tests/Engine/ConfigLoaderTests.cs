using System.Text;
using Shipshape.Core;
using Shipshape.Engine.Configuration;

namespace Shipshape.Tests.Engine;

public sealed class ConfigLoaderTests
{
    private static ShipshapeConfig Parse(string yaml) => ConfigLoader.Parse(".shipshape.yaml", Encoding.UTF8.GetBytes(yaml));

    [Fact]
    public void Parse_FullConfiguration_ReadsEverySetting()
    {
        var config = Parse("""
            failOn: medium
            maxFileSize: 5MB
            trustedRegistries: ["*.dkr.ecr.*.amazonaws.com", ghcr.io/acme]
            exclude: ["legacy/**"]
            rules:
              enable: [SHP-CTR-001]
              disable: [SHP-CTR-008]
              severity:
                SHP-NET-002: info
            ignore:
              - rule: SHP-CTR-002
                path: "agents/*.json"
                resource: dd
                reason: agent needs root
                expires: 2027-03-31
            """);

        Assert.Equal(Severity.Medium, config.FailOn);
        Assert.Equal(5L * 1024 * 1024, config.MaxFileBytes);
        Assert.Equal(["*.dkr.ecr.*.amazonaws.com", "ghcr.io/acme"], config.TrustedRegistries.ToArray());
        Assert.Equal(["legacy/**"], config.ExcludePaths.ToArray());
        Assert.Equal(["SHP-CTR-001"], config.EnabledRules.ToArray());
        Assert.Equal(["SHP-CTR-008"], config.DisabledRules.ToArray());
        Assert.Equal(Severity.Info, config.SeverityOverrides["SHP-NET-002"]);
        var ignore = Assert.Single(config.Ignores);
        Assert.Equal(("SHP-CTR-002", "agents/*.json", "dd", "agent needs root", new DateOnly(2027, 3, 31), 11),
            (ignore.Rule, ignore.PathGlob, ignore.Resource, ignore.Reason, ignore.Expires, ignore.Line));
    }

    [Fact]
    public void Parse_UnknownKey_FailsNamingFileAndLine()
    {
        var ex = Assert.Throws<ConfigException>(() => Parse("failOn: high\ntrustedRegistry: [x]\n"));

        Assert.StartsWith(".shipshape.yaml:2: unknown setting 'trustedRegistry'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadSeverity_Fails()
    {
        var ex = Assert.Throws<ConfigException>(() => Parse("failOn: severe\n"));

        Assert.Contains("unknown severity 'severe'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IgnoreWithoutReason_Fails()
    {
        var ex = Assert.Throws<ConfigException>(() => Parse("ignore:\n  - rule: SHP-CTR-001\n"));

        Assert.Contains("needs a 'reason'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadExpiryDate_Fails()
    {
        var ex = Assert.Throws<ConfigException>(() => Parse("ignore:\n  - rule: SHP-CTR-001\n    reason: r\n    expires: next year\n"));

        Assert.Contains(":4:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IgnoreByFingerprint_ReadsItAndRefusesWhatIsNotOne()
    {
        var config = Parse("ignore:\n  - rule: SHP-CTR-001\n    fingerprint: e261dc4f13c45f78ea302ad24eb7ce32\n    reason: prod only\n");
        var ex = Assert.Throws<ConfigException>(() => Parse("ignore:\n  - rule: SHP-CTR-001\n    fingerprint: E261DC4F\n    reason: r\n"));

        Assert.Equal("e261dc4f13c45f78ea302ad24eb7ce32", Assert.Single(config.Ignores).Fingerprint);
        Assert.Contains(".shipshape.yaml:3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("32 lowercase hexadecimal digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_IsEmptyConfiguration()
    {
        Assert.Same(ShipshapeConfig.Empty, Parse(string.Empty));
    }
}
