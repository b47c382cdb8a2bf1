using Shipshape.Core.Model;
using Shipshape.Rules.Secrets;
using static Shipshape.Tests.Rules.ModelBuilder;

namespace Shipshape.Tests.Rules;

public sealed class SecretRuleTests
{
    private static readonly string AwsKeyId = "AKIA" + "Z3MHQWNN5YPKC7TR";
    private readonly SecretValueDetector _detector = new();

    private static TaskDefinition WithEnv(params KeyValue[] environment) => Task(Container() with { Environment = [.. environment] });

    [Fact]
    public void SecretNameRule_PasswordInPlaintext_HitWithoutValue()
    {
        var hit = Assert.Single(Run(new SecretNameInEnvironmentRule(_detector), WithEnv(Env("web", 0, "DB_PASSWORD", "hunter2", 21))));
        Assert.Equal(21, hit.Location.StartLine);
        Assert.Equal("containerDefinitions[web].environment[0].value", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' sets environment variable 'DB_PASSWORD' in plaintext, and its name says it holds a secret.", hit.Message);
        Assert.DoesNotContain("hunter2", hit.Message, StringComparison.Ordinal);
        Assert.Equal(SecretRedactor.Hash("hunter2"), hit.FingerprintKey);
    }

    [Theory]
    [InlineData("DB_PASSWORD", "")]
    [InlineData("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf")]
    [InlineData("DB_PASSWORD", "${DB_PASSWORD}")]
    [InlineData("TOKEN_URL", "https://auth.example.com/oauth2/token")]
    [InlineData("PASSWORD_FILE", "/run/secrets/db")]
    [InlineData("LOG_LEVEL", "debug")]
    [InlineData("SECRETS_ENABLED", "true")]
    public void SecretNameRule_ReferenceOrOrdinaryVariable_NoHit(string name, string value)
    {
        Assert.Empty(Run(new SecretNameInEnvironmentRule(_detector), WithEnv(Env("web", 0, name, value, 21))));
    }

    [Fact]
    public void SecretNameRule_UnresolvedValue_NoHit()
    {
        Assert.Empty(Run(new SecretNameInEnvironmentRule(_detector), WithEnv(Env("web", 0, "DB_PASSWORD", null, 21, unresolved: true))));
    }

    [Fact]
    public void SecretNameRule_ValueRecognisedBySecretValueRule_LeftToThatRule()
    {
        var task = WithEnv(Env("web", 0, "AWS_ACCESS_KEY", AwsKeyId, 21));
        Assert.Empty(Run(new SecretNameInEnvironmentRule(_detector), task));
        Assert.Single(Run(new SecretValueInEnvironmentRule(_detector), task));
    }

    [Fact]
    public void SecretValueRule_AccessKeyUnderInnocentName_HitRedacted()
    {
        var hit = Assert.Single(Run(new SecretValueInEnvironmentRule(_detector), WithEnv(Env("web", 0, "SETTING", AwsKeyId, 22))));
        Assert.Equal(22, hit.Location.StartLine);
        Assert.Equal("containerDefinitions[web].environment[0].value", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' sets environment variable 'SETTING' in plaintext to an AWS access key ID (AKIA… (20 characters)).", hit.Message);
        Assert.DoesNotContain(AwsKeyId, hit.Message, StringComparison.Ordinal);
        Assert.Equal(SecretRedactor.Hash(AwsKeyId), hit.FingerprintKey);
    }

    [Fact]
    public void SecretValueRule_UrlWithPassword_MessageMasksPassword()
    {
        const string url = "postgres://app:s3cr3t-Pa55@db.example.com:5432/app";
        var hit = Assert.Single(Run(new SecretValueInEnvironmentRule(_detector), WithEnv(Env("web", 0, "DATABASE_URL", url, 22))));
        Assert.DoesNotContain("s3cr3t-Pa55", hit.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://app:****@db.example.com:5432", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValueRule_OrdinaryOrUnresolvedValues_NoHit()
    {
        var task = WithEnv(
            Env("web", 0, "LOG_LEVEL", "info", 21),
            Env("web", 1, "API_URL", "https://api.example.com/v1", 22),
            Env("web", 2, "SETTING", AwsKeyId, 23, unresolved: true));
        Assert.Empty(Run(new SecretValueInEnvironmentRule(_detector), task));
    }

    [Fact]
    public void SecretValueRule_CustomDetector_IsUsed()
    {
        var hit = Assert.Single(Run(new SecretValueInEnvironmentRule(new AlwaysDetector()), WithEnv(Env("web", 0, "X", "anything", 21))));
        Assert.Contains("to a test secret (redacted)", hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:ssm:us-east-1:111122223333:parameter/app/db-password")]
    [InlineData("arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/db")]
    [InlineData("arn:aws-cn:ssm:cn-north-1:111122223333:parameter/db")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:appauthexample-AbCdEf")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:appauthexample-AbCdEf:username1::")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:appauthexample-AbCdEf::AWSPREVIOUS:")]
    [InlineData("awsExampleParameter")]
    [InlineData("/app/prod/db-password")]
    public void InvalidSecretReference_ValidValueFrom_NoProblem(string valueFrom)
    {
        Assert.Null(InvalidSecretReferenceRule.Problem(valueFrom));
    }

    [Theory]
    [InlineData("", "an empty valueFrom")]
    [InlineData(null, "an empty valueFrom")]
    [InlineData("https://vault.example.com/v1/secret/api", "a https URL")]
    [InlineData("arn:aws:s3:::my-bucket/secrets.env", "an ARN of the 's3' service")]
    [InlineData("arn:aws:ssm:us-east-1:111122223333:db-password", "a malformed Systems Manager parameter ARN")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:db:a:b", "a malformed Secrets Manager ARN")]
    [InlineData("s3cr3t pa55word!", "neither an ARN nor a valid parameter name")]
    public void InvalidSecretReference_InvalidValueFrom_DescribesProblem(string? valueFrom, string expected)
    {
        Assert.Contains(expected, InvalidSecretReferenceRule.Problem(valueFrom), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSecretReferenceRule_PastedSecret_HitWithoutValue()
    {
        const string path = "containerDefinitions[web].secrets[API_TOKEN].valueFrom";
        var container = Container() with { Secrets = [new SecretReference(Explicit("API_TOKEN", 25, "name"), Explicit<string?>("s3cr3t pa55word!", 26, path))] };
        var hit = Assert.Single(Run(new InvalidSecretReferenceRule(), Task(container)));
        Assert.Equal(26, hit.Location.StartLine);
        Assert.Equal(path, hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' takes secret 'API_TOKEN' from a value that is neither an ARN nor a valid parameter name, not from a Systems Manager parameter or a Secrets Manager secret.", hit.Message);
        Assert.DoesNotContain("s3cr3t", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSecretReferenceRule_UnresolvedValueFrom_NoHit()
    {
        var container = Container() with { Secrets = [new SecretReference(Explicit("API_TOKEN", 25, "name"), Unresolved<string?>(null, 26, "v"))] };
        Assert.Empty(Run(new InvalidSecretReferenceRule(), Task(container)));
    }

    private sealed class AlwaysDetector : ISecretValueDetector
    {
        public SecretMatch? Detect(string name, string value) => new(SecretKind.HighEntropyString, "a test secret", "redacted");
    }
}
