using Shipshape.Core.Model;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Tests.Iam;

/// <summary>
/// The evaluation engine pinned by a table written from the AWS IAM User Guide: "Policy evaluation logic",
/// "Determining whether a request is allowed or denied within an account", and the condition operator reference.
/// </summary>
public sealed class PolicyEvaluatorTests
{
    private static readonly PolicyEvaluator Evaluator = new(IamCatalog.Embedded);
    private const string Cluster = "arn:aws:ecs:us-east-1:111122223333:cluster/prod";
    private const string Task = "arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef";

    // One row: statements of an identity policy, action, resource, context keys ("key=v1|v2;key2=v"), expected decision.
    public static TheoryData<string, string, string?, string, Decision> Table() => new()
    {
        // Implicit deny: nothing allows.
        { """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", "s3:PutObject", "arn:aws:s3:::b/k", "", Decision.ImplicitDeny },
        // An Allow applies; actions match case-insensitively with wildcards.
        { """{"Effect": "Allow", "Action": "S3:get*", "Resource": "arn:aws:s3:::b/*"}""", "s3:GetObject", "arn:aws:s3:::b/k", "", Decision.Allowed },
        // Resources match case-sensitively.
        { """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::B/*"}""", "s3:GetObject", "arn:aws:s3:::b/k", "", Decision.ImplicitDeny },
        // An explicit Deny overrides any Allow.
        { """{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "ecs:DeleteCluster", "Resource": "*"}""", "ecs:DeleteCluster", Cluster, "", Decision.ExplicitDeny },
        // NotAction with Allow allows everything else.
        { """{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}""", "ecs:RunTask", Cluster, "", Decision.Allowed },
        { """{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}""", "iam:CreateUser", "arn:aws:iam::111122223333:user/x", "", Decision.ImplicitDeny },
        // NotResource.
        { """{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}""", "s3:GetObject", "arn:aws:s3:::secret/k", "", Decision.ImplicitDeny },
        { """{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}""", "s3:GetObject", "arn:aws:s3:::public/k", "", Decision.Allowed },
        // Condition keys: StringEquals on ecs:cluster.
        { """{"Effect": "Allow", "Action": "ecs:StopTask", "Resource": "*", "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:111122223333:cluster/prod"}}}""", "ecs:StopTask", Task, "ecs:cluster=" + Cluster, Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:StopTask", "Resource": "*", "Condition": {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:us-east-1:111122223333:cluster/prod"}}}""", "ecs:StopTask", Task, "ecs:cluster=arn:aws:ecs:us-east-1:111122223333:cluster/dev", Decision.ImplicitDeny },
        // A missing key makes a positive operator false...
        { """{"Effect": "Allow", "Action": "ecs:DeleteCluster", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}""", "ecs:DeleteCluster", Cluster, "", Decision.ImplicitDeny },
        { """{"Effect": "Allow", "Action": "ecs:DeleteCluster", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}""", "ecs:DeleteCluster", Cluster, "aws:MultiFactorAuthPresent=true", Decision.Allowed },
        // ...so the documented unsafe pattern: a Deny with Bool "false" does not apply to long-term keys (key absent)...
        { """{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}""", "ecs:DeleteCluster", Cluster, "", Decision.Allowed },
        // ...while BoolIfExists denies them too.
        { """{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}""", "ecs:DeleteCluster", Cluster, "", Decision.ExplicitDeny },
        { """{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}""", "ecs:DeleteCluster", Cluster, "aws:MultiFactorAuthPresent=true", Decision.Allowed },
        // Negated operators are true when the key is missing.
        { """{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}, {"Effect": "Allow", "Action": "*", "Resource": "*"}""", "ecs:ListClusters", "*", "", Decision.ExplicitDeny },
        // Several values of one key are ORed; several keys ANDed.
        { """{"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"], "aws:SourceAccount": "111122223333"}}}""", "ecs:RunTask", Cluster, "aws:RequestedRegion=us-east-1;aws:SourceAccount=111122223333", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"], "aws:SourceAccount": "111122223333"}}}""", "ecs:RunTask", Cluster, "aws:RequestedRegion=us-east-1", Decision.ImplicitDeny },
        // StringLike is case-sensitive with wildcards.
        { """{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}}}""", "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=home/alice", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}}}""", "s3:ListBucket", "arn:aws:s3:::b", "s3:prefix=Home/alice", Decision.ImplicitDeny },
        // ForAllValues holds for an absent key; ForAnyValue does not.
        { """{"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}}""", "ecs:TagResource", Cluster, "", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}}""", "ecs:TagResource", Cluster, "aws:TagKeys=team|owner", Decision.ImplicitDeny },
        { """{"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}}""", "ecs:TagResource", Cluster, "aws:TagKeys=team|owner", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}}""", "ecs:TagResource", Cluster, "", Decision.ImplicitDeny },
        // Null checks presence.
        { """{"Effect": "Deny", "Action": "ecs:CreateCluster", "Resource": "*", "Condition": {"Null": {"aws:RequestTag/team": "true"}}}, {"Effect": "Allow", "Action": "ecs:CreateCluster", "Resource": "*"}""", "ecs:CreateCluster", "*", "", Decision.ExplicitDeny },
        { """{"Effect": "Deny", "Action": "ecs:CreateCluster", "Resource": "*", "Condition": {"Null": {"aws:RequestTag/team": "true"}}}, {"Effect": "Allow", "Action": "ecs:CreateCluster", "Resource": "*"}""", "ecs:CreateCluster", "*", "aws:RequestTag/team=a", Decision.Allowed },
        // Numeric, date and IP operators.
        { """{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}""", "sts:AssumeRole", "arn:aws:iam::111122223333:role/r", "aws:MultiFactorAuthAge=120", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}""", "sts:AssumeRole", "arn:aws:iam::111122223333:role/r", "aws:MultiFactorAuthAge=7200", Decision.ImplicitDeny },
        { """{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}""", "ecs:ListClusters", "*", "aws:CurrentTime=2026-06-01T00:00:00Z", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}""", "ecs:ListClusters", "*", "aws:SourceIp=203.0.113.7", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}""", "ecs:ListClusters", "*", "aws:SourceIp=203.0.113.7", Decision.ImplicitDeny },
        // ArnLike matches component by component.
        { """{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}}""", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q", "aws:SourceArn=arn:aws:sns:eu-west-1:111122223333:topic", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}}""", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q", "aws:SourceArn=arn:aws:sns:eu-west-1:444455556666:topic", Decision.ImplicitDeny },
        // Policy variables in resources.
        { """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}""", "s3:GetObject", "arn:aws:s3:::home/alice/k", "aws:username=alice", Decision.Allowed },
        { """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}""", "s3:GetObject", "arn:aws:s3:::home/bob/k", "aws:username=alice", Decision.ImplicitDeny },
        // An unknown condition operator never matches (IAM rejects such a policy).
        { """{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*", "Condition": {"StringEqualz": {"aws:SourceAccount": "1"}}}""", "ecs:ListClusters", "*", "aws:SourceAccount=1", Decision.ImplicitDeny },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_IdentityPolicy_FollowsTheDocumentedLogic(string statements, string action, string? resource, string keys, Decision expected)
    {
        var request = Request(action, resource, keys);

        var result = Evaluator.Evaluate(PolicySet.ForIdentity(Policies.Statement(statements)), request);

        Assert.Equal(expected, result.Decision);
    }

    [Fact]
    public void Evaluate_ResourcePolicyGrantsPrincipal_AllowedWithoutIdentityPolicy()
    {
        var bucket = Policies.Statement("""{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}""");
        var set = new PolicySet { ResourcePolicies = [bucket] };

        var app = Evaluator.Evaluate(set, Request("s3:GetObject", "arn:aws:s3:::b/k", "") with { Principal = "arn:aws:iam::111122223333:role/app" });
        var other = Evaluator.Evaluate(set, Request("s3:GetObject", "arn:aws:s3:::b/k", "") with { Principal = "arn:aws:iam::111122223333:role/other" });

        Assert.Equal(Decision.Allowed, app.Decision);
        Assert.Equal(Decision.ImplicitDeny, other.Decision);
    }

    [Fact]
    public void Evaluate_PermissionsBoundaryWithoutAllow_ImplicitDenyDespiteIdentityAllow()
    {
        var identity = Policies.Statement("""{"Effect": "Allow", "Action": "*", "Resource": "*"}""");
        var boundary = Policies.Statement("""{"Effect": "Allow", "Action": ["s3:*", "ecs:Describe*"], "Resource": "*"}""");
        var set = PolicySet.ForIdentity(identity) with { PermissionsBoundary = boundary };

        Assert.Equal(Decision.ImplicitDeny, Evaluator.Evaluate(set, Request("iam:CreateUser", "arn:aws:iam::111122223333:user/x", "")).Decision);
        Assert.Equal(Decision.Allowed, Evaluator.Evaluate(set, Request("ecs:DescribeClusters", Cluster, "")).Decision);
    }

    [Fact]
    public void Evaluate_ScpLevelWithoutAllow_ImplicitDeny()
    {
        var identity = Policies.Statement("""{"Effect": "Allow", "Action": "*", "Resource": "*"}""");
        var root = Policies.Statement("""{"Effect": "Allow", "Action": "*", "Resource": "*"}""");
        var ou = Policies.Statement("""{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}""");
        var set = PolicySet.ForIdentity(identity) with { ServiceControlPolicies = [[root], [ou]] };

        Assert.Equal(Decision.Allowed, Evaluator.Evaluate(set, Request("ecs:RunTask", Cluster, "")).Decision);
        Assert.Equal(Decision.ImplicitDeny, Evaluator.Evaluate(set, Request("iam:CreateUser", "arn:aws:iam::111122223333:user/x", "")).Decision);
    }

    [Theory]
    [InlineData("*", "iam:PassRole", true)]
    [InlineData("arn:aws:iam::*:role/*", "iam:PassRole", true)]
    [InlineData("arn:aws:iam::111122223333:role/*", "iam:PassRole", true)]
    [InlineData("arn:aws:iam::111122223333:role/app-task", "iam:PassRole", false)]
    [InlineData("arn:aws:iam::111122223333:role/app-*", "iam:PassRole", false)]
    [InlineData("arn:aws:s3:::bucket/*", "s3:GetObject", false)]
    [InlineData("arn:aws:s3:::*", "s3:GetObject", true)]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:task/prod/*", "ecs:StopTask", false)]
    [InlineData("arn:aws:ecs:*:*:task/*", "ecs:StopTask", true)]
    public void IsUnscoped_ResourcePattern_TellsWhetherUnnamedResourcesAreCovered(string pattern, string action, bool expected) =>
        Assert.Equal(expected, Evaluator.IsUnscoped(pattern, action));

    [Theory]
    [InlineData("*", "arn:aws:iam::111122223333:role/x", true)]
    [InlineData("AWS:arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/x", true)]
    [InlineData("AWS:111122223333", "arn:aws:iam::111122223333:role/x", true)]
    [InlineData("AWS:arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/x", false)]
    [InlineData("Service:ecs-tasks.amazonaws.com", "ecs-tasks.amazonaws.com", true)]
    [InlineData("Service:ecs-tasks.amazonaws.com", "ec2.amazonaws.com", false)]
    public void PrincipalMatches_PolicyPrincipal_CoversTheRightCallers(string principal, string caller, bool expected) =>
        Assert.Equal(expected, PolicyEvaluator.PrincipalMatches(principal, caller));

    private static RequestContext Request(string action, string? resource, string keys)
    {
        var request = new RequestContext(action, resource);
        foreach (var pair in keys.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            request = request.With(pair[..eq], pair[(eq + 1)..].Split('|'));
        }

        return request;
    }
}
