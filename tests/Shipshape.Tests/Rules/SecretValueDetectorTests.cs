using Shipshape.Rules.Secrets;
using Shipshape.Tests.Secrets.Corpus;

namespace Shipshape.Tests.Rules;

public sealed class SecretValueDetectorTests
{
    // Sample credentials are assembled at run time, so that secret scanners do not flag this file.
    // Not AWS's documentation example (AKIAIOSFODNN7EXAMPLE), which the catalogue deliberately does not report.
    private static readonly string AwsKeyId = "AKIA" + Fake.Chars("env-aws-id", 16, Fake.Upper32);
    private static readonly string AwsSecret = Fake.Chars("env-aws-secret", 40, Fake.Base64Chars);
    private static readonly string GitHub = "ghp" + "_" + "R4nd0mT0k3nV4lu3sAr3L0ng3n0ugh1234ab";
    private static readonly string Slack = "xox" + "b-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static readonly string Stripe = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static readonly string Google = "AI" + "zaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW";
    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private static readonly string Pem = Fake.Pem("RSA PRIVATE KEY", "env-pem", 4);
    private static readonly string Random = "Zx9#qL2vR7!mK4pW8tY1bN6c";

    private readonly SecretValueDetector _detector = new();

    public static TheoryData<string, string, SecretKind> Secrets => new()
    {
        { "ID", AwsKeyId, SecretKind.AwsAccessKeyId },
        { "CONFIG", "key=" + AwsKeyId + ";", SecretKind.AwsAccessKeyId },
        { "AWS_SECRET_ACCESS_KEY", AwsSecret, SecretKind.AwsSecretAccessKey },
        { "GH", GitHub, SecretKind.GitHubToken },
        { "HOOK", Slack, SecretKind.SlackToken },
        { "PAYMENTS", Stripe, SecretKind.StripeLiveKey },
        { "MAPS", Google, SecretKind.GoogleApiKey },
        { "AUTH", Jwt, SecretKind.JsonWebToken },
        { "TLS", Pem, SecretKind.PrivateKey },
        { "DATABASE_URL", "postgres://app:s3cr3t-Pa55@db.example.com:5432/app", SecretKind.UrlCredentials },
        { "BLOB", Random, SecretKind.HighEntropyString },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Detect_KnownSecretFormat_ReturnsKindAndRedactsValue(string name, string value, SecretKind kind)
    {
        var match = _detector.Detect(name, value);
        Assert.NotNull(match);
        Assert.Equal(kind, match.Kind);
        Assert.DoesNotContain(value, match.Redacted, StringComparison.Ordinal);
        Assert.True(match.Redacted.Length < value.Length + 25);
    }

    [Theory]
    [InlineData("LOG_LEVEL", "info")]
    [InlineData("IMAGE_DIGEST", "sha256:0d2a4c1a9e5b7f3c8d6e4a2b0c9f7e5d3b1a8c6e4f2d0b9a7c5e3f1d8b6a4c2e")]
    [InlineData("REQUEST_ID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("COMMIT", "9fceb02d0ae598e95dc970b74767f19372d61af8")]
    [InlineData("CONFIG_PATH", "/etc/app/Config-Production_v2/settings.json")]
    [InlineData("API_URL", "https://api.example.com/v1/Items?page=2&size=25")]
    [InlineData("DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.example.com:5432/app")]
    [InlineData("DATABASE_URL", "postgres://app@db.example.com:5432/app")]
    [InlineData("GREETING", "Welcome to the Example Corporation Portal 2024")]
    [InlineData("AWS_REGION_LIST", "us-east-1,us-west-2,eu-west-1,ap-south-1")]
    [InlineData("SECRET_ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf")]
    public void Detect_OrdinaryValue_ReturnsNull(string name, string value)
    {
        Assert.Null(_detector.Detect(name, value));
    }

    [Fact]
    public void Detect_FortyCharacterKeyUnderUnrelatedName_IsNotReportedAsAwsSecretKey()
    {
        Assert.Equal(SecretKind.AwsSecretAccessKey, _detector.Detect("AWS_SECRET_ACCESS_KEY", AwsSecret)?.Kind);
        Assert.Equal(SecretKind.HighEntropyString, _detector.Detect("SETTING", AwsSecret)?.Kind);
    }

    [Fact]
    public void Detect_UrlWithPassword_MasksOnlyThePassword()
    {
        var match = _detector.Detect("DATABASE_URL", "postgres://app:s3cr3t-Pa55@db.example.com:5432/app");
        Assert.Equal("postgres://app:****@db.example.com:5432", match?.Redacted);
    }

    [Fact]
    public void Redact_Value_ShowsFourCharactersAndLength()
    {
        Assert.Equal("AKIA… (20 characters)", SecretRedactor.Redact("AKIA" + "IOSFODNN7EXAMPLE"));
        Assert.Equal("h… (6 characters)", SecretRedactor.Redact("hunter"));
    }

    [Fact]
    public void Hash_Value_IsLowerHexSha256()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", SecretRedactor.Hash("hello"));
    }

    [Fact]
    public void ShannonEntropy_UniformAlphabet_IsLog2OfSize()
    {
        Assert.Equal(2.0, SecretValueDetector.ShannonEntropy("abcdabcd"), 6);
        Assert.Equal(0.0, SecretValueDetector.ShannonEntropy("aaaa"), 6);
    }
}
