using System.IO.Compression;
using System.Text.Json;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>`iam generate --cloudtrail`: per principal, a policy that the engine shows allows exactly the observed calls.</summary>
public sealed class PolicyGeneratorTests
{
    private const string Deploy = "arn:aws:iam::111122223333:role/deploy";
    private const string Alice = "arn:aws:iam::111122223333:user/alice";
    private const string Web = "arn:aws:ecs:eu-west-1:111122223333:service/prod/web";
    private const string Object = "arn:aws:s3:::amzn-s3-demo-bucket/reports/q3.csv";
    private static readonly PolicyEvaluator Evaluator = new(IamCatalog.Embedded);
    private static string Log => Directory.GetFiles(TestPaths.Fixture("cloudtrail"), "*.json").Single();

    private static readonly string[] Others =
    [
        "ecs:DeleteCluster", "ecs:DeleteService", "ecs:RunTask", "ecs:StopTask", "iam:PassRole", "iam:CreateUser",
        "s3:PutObject", "s3:DeleteObject", "secretsmanager:GetSecretValue", "sts:AssumeRole", "ecs:ExecuteCommand",
    ];

    [Fact]
    public async Task Generate_CloudTrailLog_AllowsExactlyTheObservedCallsPerPrincipal()
    {
        var policies = await Generate(Log);

        Assert.Equal([Deploy, Alice], policies.Keys.Order(StringComparer.Ordinal));
        var deploy = policies[Deploy];
        Assert.True(Allowed(deploy, "ecs:UpdateService", Web));
        Assert.True(Allowed(deploy, "ecs:DescribeServices", Web));
        Assert.True(Allowed(deploy, "ecr:GetAuthorizationToken", "*"));
        // Scoped to the service the events named; the failed DeleteCluster call is not granted.
        Assert.False(Allowed(deploy, "ecs:UpdateService", "arn:aws:ecs:eu-west-1:111122223333:service/prod/api"));
        Assert.All(Others, a => Assert.False(Allowed(deploy, a, Web), a));

        var alice = policies[Alice];
        Assert.True(Allowed(alice, "s3:GetObject", Object));
        Assert.False(Allowed(alice, "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/reports/q4.csv"));
        Assert.All(Others, a => Assert.False(Allowed(alice, a, Object), a));
    }

    [Fact]
    public async Task Generate_GzipLog_ReadsAsDelivered()
    {
        using var tree = new TempTree();
        var gz = tree.PathOf("log.json.gz");
        await using (var output = File.Create(gz))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(Log));
        }

        var policies = await Generate(gz);

        Assert.True(Allowed(policies[Deploy], "ecs:UpdateService", Web));
    }

    [Fact]
    public async Task Generate_MissingFile_ExitsWithUsageError()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("iam", "generate", "--cloudtrail", "/nonexistent/trail.json");

        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, Core.Model.PolicyDocument>> Generate(string file)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("iam", "generate", "--cloudtrail", file);
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Policies.Parse(p.Value.GetRawText()), StringComparer.Ordinal);
    }

    private static bool Allowed(Core.Model.PolicyDocument policy, string action, string resource) =>
        Evaluator.Evaluate(PolicySet.ForIdentity(policy), new RequestContext(action, resource)).IsAllowed;
}
