using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>IAM rules on cases beyond their documented examples, as CloudFormation written from the AWS IAM User Guide.</summary>
public sealed class IamRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static List<(string Rule, string Address)> Scan(string resources)
    {
        using var tree = new TempTree();
        tree.Write("template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + resources);
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });
        Assert.Empty(report.Diagnostics);
        return [.. report.Findings.Select(f => (f.RuleId, f.Resource.Address))];
    }

    private const string Group = """
          Operators:
            Type: AWS::IAM::Group
          ClusterAdmin:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Groups: [!Ref Operators]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: ecs:DeleteService
                    Resource: arn:aws:ecs:eu-west-1:111122223333:service/prod/*
        """;

    // A policy of the same group that denies deleting without MFA, with the given Bool operator.
    private static string RequireMfa(string op) => $$"""

          RequireMfa:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Groups: [!Ref Operators]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Deny
                    Action: "ecs:Delete*"
                    Resource: "*"
                    Condition:
                      {{op}}:
                        aws:MultiFactorAuthPresent: "false"
        """;

    [Fact]
    public void DestructiveWithoutMfa_DenyWithBoolIfExistsInAnotherPolicyOfTheGroup_NotReported()
    {
        var findings = Scan(Group + RequireMfa("BoolIfExists"));

        Assert.DoesNotContain(findings, f => f.Rule == "SHP-IAM-107");
    }

    [Fact]
    public void DestructiveWithoutMfa_UnsafeBoolFalseDenyInAnotherPolicy_StillReported()
    {
        var findings = Scan(Group + RequireMfa("Bool"));

        Assert.Contains(("SHP-IAM-107", "ClusterAdmin"), findings);
        Assert.Contains(("SHP-IAM-108", "RequireMfa"), findings);
    }

    [Fact]
    public void DestructiveWithoutMfa_ServiceRole_NotReported()
    {
        var findings = Scan("""
              CleanupRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: { Service: lambda.amazonaws.com }
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: cleanup
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: ecr:BatchDeleteImage
                            Resource: arn:aws:ecr:eu-west-1:111122223333:repository/shop/*
            """);

        Assert.DoesNotContain(findings, f => f.Rule == "SHP-IAM-107");
    }

    // A group and its policy with the given statements (YAML list items, indented here under the Statement key).
    private static string TeamPolicy(string statements) => """
          Team:
            Type: AWS::IAM::Group
          TeamPolicy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: team
              Groups: [!Ref Team]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:

        """ + string.Join('\n', statements.Split('\n').Select(line => "      " + line));

    [Fact]
    public void PrivilegeEscalation_PassRoleLimitedToLambda_NoEcsPath()
    {
        var findings = Scan(TeamPolicy("""
                  - Effect: Allow
                    Action: [ecs:RegisterTaskDefinition, ecs:RunTask]
                    Resource: "*"
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: "*"
                    Condition:
                      StringEquals:
                        iam:PassedToService: lambda.amazonaws.com
            """));

        Assert.DoesNotContain(findings, f => f.Rule == "SHP-IAM-109");
        Assert.Contains(("SHP-IAM-112", "TeamPolicy"), findings);
    }

    [Fact]
    public void ResourceScope_StarOnlyActions_NoResourceFindings()
    {
        var findings = Scan(TeamPolicy("""
                  - Effect: Allow
                    Action: [ecs:ListClusters, ecr:GetAuthorizationToken, logs:DescribeLogGroups, sts:GetCallerIdentity]
                    Resource: "*"
            """));

        Assert.Empty(findings);
    }

    [Fact]
    public void ClusterScope_TagConditionAlone_StillReportedButResourceRulesSatisfied()
    {
        var findings = Scan(TeamPolicy("""
                  - Effect: Allow
                    Action: [s3:PutObject]
                    Resource: "*"
                    Condition:
                      StringEquals:
                        aws:ResourceTag/team: shop
                  - Effect: Allow
                    Action: [ecs:UpdateService]
                    Resource: "*"
            """));

        Assert.Equal([("SHP-IAM-106", "TeamPolicy")], findings);
    }

    private const string ExecutionRole = """
          ExecutionRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { Service: ecs-tasks.amazonaws.com }
                    Action: sts:AssumeRole
                    Condition: { StringEquals: { aws:SourceAccount: "111122223333" } }
              Policies:
                - PolicyName: secrets
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: secretsmanager:GetSecretValue
                        Resource:
                          - arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-*
                          - RESOURCE
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: shop
              ExecutionRoleArn: !GetAtt ExecutionRole.Arn
              ContainerDefinitions:
                - Name: api
                  Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.0
                  Secrets:
                    - Name: DB_PASSWORD
                      ValueFrom: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbCdEf:password::"
                    - Name: API_KEY
                      ValueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-key-123456
        """;

    [Theory]
    [InlineData("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/api-key-123456", 0)]
    [InlineData("arn:aws:secretsmanager:eu-west-1:111122223333:secret:billing/stripe-*", 1)]
    public void ExecutionRoleSecrets_ResourcesBeyondReferencedSecrets_ReportedOnce(string resource, int expected)
    {
        var findings = Scan(ExecutionRole.Replace("RESOURCE", resource, StringComparison.Ordinal));

        Assert.Equal(expected, findings.Count(f => f.Rule == "SHP-IAM-118"));
    }
}
