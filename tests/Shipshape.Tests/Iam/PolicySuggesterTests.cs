using Shipshape.Engine;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;
using Shipshape.Iam.Tools;
using Shipshape.Rules;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>`iam suggest` policies, re-checked by the engine: they allow what was asked, in the cluster asked, and nothing else.</summary>
public sealed class PolicySuggesterTests
{
    private const string Cluster = "arn:aws:ecs:eu-west-1:111122223333:cluster/prod";
    private const string OtherCluster = "arn:aws:ecs:eu-west-1:111122223333:cluster/staging";
    private static readonly PolicyEvaluator Evaluator = new(IamCatalog.Embedded);

    // Other actions that must stay denied, across services and access levels.
    private static readonly string[] Others =
    [
        "ecs:DeleteCluster", "ecs:RunTask", "ecs:UpdateService", "ecs:ExecuteCommand", "ecs:ListClusters", "iam:PassRole",
        "iam:CreateUser", "s3:GetObject", "secretsmanager:GetSecretValue", "ecr:GetAuthorizationToken", "sts:AssumeRole",
    ];

    [Fact]
    public void Suggest_StopTaskInCluster_AllowsExactlyThatTaskActionInThatCluster()
    {
        var policy = Suggest(new SuggestRequest(["ecs:StopTask"], Cluster, false));

        Assert.True(Allowed(policy, "ecs:StopTask", "arn:aws:ecs:eu-west-1:111122223333:task/prod/0123456789abcdef", Cluster));
        Assert.False(Allowed(policy, "ecs:StopTask", "arn:aws:ecs:eu-west-1:111122223333:task/staging/0123456789abcdef", OtherCluster));
        Assert.All(Others, other => Assert.False(Allowed(policy, other, "arn:aws:ecs:eu-west-1:111122223333:task/prod/1", Cluster), other));
    }

    [Fact]
    public void Suggest_RunTask_ScopesByClusterCondition()
    {
        var policy = Suggest(new SuggestRequest(["ecs:RunTask"], Cluster, false));
        const string taskDefinition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/app:3";

        Assert.True(Allowed(policy, "ecs:RunTask", taskDefinition, Cluster));
        Assert.False(Allowed(policy, "ecs:RunTask", taskDefinition, OtherCluster));
        Assert.False(Allowed(policy, "ecs:RunTask", taskDefinition, null));
    }

    [Fact]
    public void Suggest_DestructiveAction_RequiresMfa()
    {
        var policy = Suggest(new SuggestRequest(["ecs:DeleteService"], Cluster, false));
        const string service = "arn:aws:ecs:eu-west-1:111122223333:service/prod/web";

        Assert.True(Allowed(policy, "ecs:DeleteService", service, Cluster, mfa: true));
        Assert.False(Allowed(policy, "ecs:DeleteService", service, Cluster, mfa: false));
    }

    [Fact]
    public void Suggest_MfaOption_RequiresMfaForEveryAction()
    {
        var policy = Suggest(new SuggestRequest(["ecs:StopTask", "ecr:GetAuthorizationToken"], Cluster, true));

        Assert.False(Allowed(policy, "ecr:GetAuthorizationToken", "*", null, mfa: false));
        Assert.True(Allowed(policy, "ecr:GetAuthorizationToken", "*", null, mfa: true));
    }

    [Fact]
    public void Suggest_StarOnlyAction_UsesStarAndUnknownActionIsReported()
    {
        var (statements, unknown) = PolicySuggester.Suggest(new SuggestRequest(["logs:DescribeLogGroups", "ecs:StopTasks"], null, false), IamCatalog.Embedded);

        var statement = Assert.Single(statements);
        Assert.Equal(["*"], statement.Resources.ToArray());
        Assert.Equal(["ecs:StopTasks"], unknown.ToArray());
    }

    [Fact]
    public async Task Cli_Suggest_PrintsAPolicyThatShipshapeDoesNotReport()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("iam", "suggest", "--action", "ecs:StopTask", "--action", "ecs:DeleteService", "--action", "ecs:RunTask", "--cluster", Cluster);

        Assert.Equal(0, code);
        using var tree = new TempTree();
        tree.Write("suggested.json", stdout);
        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root] });
        Assert.Equal(1, report.Resources);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Cli_SuggestBadCluster_ExitsWithUsageError()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("iam", "suggest", "--action", "ecs:StopTask", "--cluster", "prod");

        Assert.Equal(2, code);
        Assert.Contains("not a cluster ARN", stderr, StringComparison.Ordinal);
    }

    private static Core.Model.PolicyDocument Suggest(SuggestRequest request)
    {
        var (statements, unknown) = PolicySuggester.Suggest(request, IamCatalog.Embedded);
        Assert.Empty(unknown);
        return Policies.Parse(PolicyJson.Write(statements));
    }

    private static bool Allowed(Core.Model.PolicyDocument policy, string action, string resource, string? cluster, bool mfa = false)
    {
        var request = new RequestContext(action, resource);
        if (cluster is not null)
        {
            request = request.With("ecs:cluster", cluster);
        }

        if (mfa)
        {
            request = request.With("aws:MultiFactorAuthPresent", "true");
        }

        return Evaluator.Evaluate(PolicySet.ForIdentity(policy), request).IsAllowed;
    }
}
