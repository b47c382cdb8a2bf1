using System.Text.Json;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>What `iam suggest` and `iam generate` write passes Shipshape's own IAM rules: the tools never hand out what the scan then reports.</summary>
public sealed class GeneratedPoliciesScanCleanTests
{
    private const string Cluster = "arn:aws:ecs:eu-west-1:111122223333:cluster/prod";

    // ECS events name their resources in the response (the CloudTrail user guide's ECS examples): StopTask's task,
    // RunTask's tasks and task definition, none in "resources".
    private const string EcsTrail = """
        {"Records": [
          {"eventVersion": "1.08", "eventSource": "ecs.amazonaws.com", "eventName": "StopTask", "awsRegion": "eu-west-1",
           "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/ops/alice",
             "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/ops"}}},
           "requestParameters": {"cluster": "prod", "task": "0123456789abcdef0123456789abcdef"},
           "responseElements": {"task": {"taskArn": "arn:aws:ecs:eu-west-1:111122223333:task/prod/0123456789abcdef0123456789abcdef",
             "clusterArn": "arn:aws:ecs:eu-west-1:111122223333:cluster/prod"}}},
          {"eventVersion": "1.08", "eventSource": "ecs.amazonaws.com", "eventName": "RunTask", "awsRegion": "eu-west-1", "recipientAccountId": "111122223333",
           "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/ops/alice",
             "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/ops"}}},
           "requestParameters": {"cluster": "prod", "taskDefinition": "app:3"},
           "responseElements": {"tasks": [{"taskArn": "arn:aws:ecs:eu-west-1:111122223333:task/prod/fedcba9876543210fedcba9876543210",
             "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/app:3"}]}}
        ]}
        """;

    [Fact]
    public async Task Generate_EcsEventsNamingTheirResourcesInTheResponse_ScopesToThoseResourcesAndScansClean()
    {
        using var tree = new TempTree();
        var log = tree.Write("trail.json", EcsTrail);

        var (code, stdout, _) = await CliRunner.RunAsync("iam", "generate", "--cloudtrail", log);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var policy = json.RootElement.GetProperty("arn:aws:iam::111122223333:role/ops");
        var resources = policy.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Resource").ValueKind == JsonValueKind.Array ? s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!) : [s.GetProperty("Resource").GetString()!])
            .ToList();
        Assert.Contains("arn:aws:ecs:eu-west-1:111122223333:task/prod/0123456789abcdef0123456789abcdef", resources);
        Assert.Contains("arn:aws:ecs:eu-west-1:111122223333:task-definition/app:3", resources);
        Assert.DoesNotContain("*", resources);
        // RunTask's task definition does not name the cluster: the condition does.
        var runTask = policy.GetProperty("Statement").EnumerateArray().Single(st => st.GetProperty("Action").ToString().Contains("ecs:RunTask", StringComparison.Ordinal));
        Assert.Equal("arn:aws:ecs:eu-west-1:111122223333:cluster/prod", runTask.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("ecs:cluster").GetString());
        await AssertScansClean(tree, "generated.json", policy.GetRawText());
    }

    // An IAM event names its user by name only (the CloudTrail user guide's IAM examples: CreateAccessKey's userName).
    private const string IamTrail = """
        {"Records": [
          {"eventVersion": "1.08", "eventSource": "iam.amazonaws.com", "eventName": "CreateAccessKey", "awsRegion": "us-east-1", "recipientAccountId": "111122223333",
           "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/deployer/ci",
             "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/deployer"}}},
           "requestParameters": {"userName": "bob"},
           "responseElements": {"accessKey": {"userName": "bob", "status": "Active", "accessKeyId": "AKIAIOSFODNN7EXAMPLE"}}}
        ]}
        """;

    [Fact]
    public async Task Generate_IamEventNamingItsUser_ScopesToTheUserAndTheWrittenFileScansAsPolicies()
    {
        using var tree = new TempTree();
        var log = tree.Write("trail.json", IamTrail);

        var (code, stdout, _) = await CliRunner.RunAsync("iam", "generate", "--cloudtrail", log);

        Assert.Equal(0, code);
        var statement = JsonDocument.Parse(stdout).RootElement.GetProperty("arn:aws:iam::111122223333:role/deployer").GetProperty("Statement")[0];
        Assert.Equal("arn:aws:iam::111122223333:user/bob", statement.GetProperty("Resource").GetString());

        // The file as generate writes it (policies keyed by principal) is read as policies, not passed over.
        tree.Write("generated.json", stdout);
        var (_, report, _) = await CliRunner.RunAsync("scan", tree.PathOf("generated.json"), "--format", "json", "-q");
        using var json = JsonDocument.Parse(report);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("resources").GetInt32());
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() is "SHP-IAM-121" or "SHP-IAM-104");
    }

    [Fact]
    public async Task Suggest_PassRoleWithRoles_IsScopedToThemAndToTheServiceAndScansClean()
    {
        using var tree = new TempTree();

        var (code, stdout, _) = await CliRunner.RunAsync("iam", "suggest", "--cluster", Cluster, "--role", "app-task-role",
            "--action", "iam:PassRole", "--action", "ecs:RunTask", "--action", "ecs:StopTask", "--action", "ecs:DeleteService", "--action", "ecs:ListClusters");

        Assert.Equal(0, code);
        Assert.Contains("\"arn:aws:iam::111122223333:role/app-task-role\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"", stdout, StringComparison.Ordinal);
        await AssertScansClean(tree, "suggested.json", stdout);
    }

    [Fact]
    public async Task Suggest_PassRoleWithoutRoles_ExitsTwoAskingForThem()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("iam", "suggest", "--action", "iam:PassRole");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--role", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_EcsActionsWithAnEksClusterArn_IsAUsageErrorNotAPolicyThatMatchesNothing()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("iam", "suggest", "--cluster", "arn:aws:eks:eu-west-1:111122223333:cluster/prod", "--action", "ecs:RunTask");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("ECS actions need an Amazon ECS cluster ARN", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_DeployerWithAFamily_ScopesTaskDefinitionsToItAndScansClean()
    {
        using var tree = new TempTree();

        var (code, stdout, _) = await CliRunner.RunAsync("iam", "suggest", "--cluster", Cluster, "--role", "app", "--family", "shop-api",
            "--action", "ecs:UpdateService", "--action", "ecs:DescribeServices", "--action", "ecs:RegisterTaskDefinition", "--action", "iam:PassRole");

        Assert.Equal(0, code);
        var register = JsonDocument.Parse(stdout).RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Action").GetString() == "ecs:RegisterTaskDefinition");
        Assert.Equal("arn:aws:ecs:eu-west-1:111122223333:task-definition/shop-api:*", register.GetProperty("Resource").GetString());
        await AssertScansClean(tree, "deployer.json", stdout);
    }

    private static async Task AssertScansClean(TempTree tree, string name, string policy)
    {
        tree.Write(name, policy);

        var (code, stdout, _) = await CliRunner.RunAsync("scan", tree.PathOf(name), "--format", "json", "--quiet", "--fail-on", "info");

        using var report = JsonDocument.Parse(stdout);
        Assert.Empty(report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));
        Assert.Equal(0, code);
    }
}
