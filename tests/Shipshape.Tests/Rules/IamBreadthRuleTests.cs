using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>IAM rules added for breadth, run on Terraform as a user writes it (service authorization reference, IAM user guide).</summary>
public sealed class IamBreadthRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static List<(string Rule, string Address, int Line)> Scan(string main, params string[] rules)
    {
        using var tree = new TempTree();
        tree.Write("main.tf", main);
        return [.. new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], OnlyRules = [.. rules] }).Findings
            .Select(f => (f.RuleId, f.Resource.Address, f.Location.StartLine))];
    }

    [Fact]
    public void PrivilegeEscalation_PassRoleToGlueWithADevEndpoint_Hit_ScopedPassRoleNot()
    {
        const string open = """
            resource "aws_iam_policy" "glue" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "glue:CreateDevEndpoint"], Resource = "*" }]
              })
            }
            """;
        Assert.Equal([("SHP-IAM-109", "aws_iam_policy.glue", 1)], Scan(open, "SHP-IAM-109"));
        var scoped = open.Replace("Resource = \"*\" }]", "Resource = \"*\", Condition = { StringEquals = { \"iam:PassedToService\" = \"ecs-tasks.amazonaws.com\" } } }]", StringComparison.Ordinal);
        Assert.Empty(Scan(scoped, "SHP-IAM-109"));
    }

    [Fact]
    public void CredentialsAndData_UnscopedHit_ScopedOrOwnCredentialsNot()
    {
        const string main = """
            resource "aws_iam_policy" "keys" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey", "ecr:GetAuthorizationToken", "s3:GetObject"], Resource = "*" }]
              })
            }

            resource "aws_iam_policy" "own" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey", "s3:GetObject"], Resource = ["arn:aws:iam::111122223333:user/$${aws:username}", "arn:aws:s3:::assets/*"] }]
              })
            }
            """;
        Assert.Equal([("SHP-IAM-121", "aws_iam_policy.keys", 4), ("SHP-IAM-122", "aws_iam_policy.keys", 4)],
            Scan(main, "SHP-IAM-121", "SHP-IAM-122").Order());
    }

    [Fact]
    public void ManagedPolicies_RoleListAndAttachments_HitOnEachArnOnce()
    {
        const string main = """
            resource "aws_iam_role" "ops" {
              name                = "ops"
              assume_role_policy  = "{}"
              managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
            }

            resource "aws_iam_role" "ci" {
              name               = "ci"
              assume_role_policy = "{}"
            }

            resource "aws_iam_role_policy_attachment" "ci" {
              role       = aws_iam_role.ci.name
              policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
            }

            resource "aws_iam_group_policy_attachment" "admins" {
              group      = "admins"
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }
            """;
        Assert.Equal(
            [("SHP-IAM-123", "aws_iam_group_policy_attachment.admins", 19), ("SHP-IAM-123", "aws_iam_role.ops", 4), ("SHP-IAM-124", "aws_iam_role_policy_attachment.ci", 14)],
            Scan(main, "SHP-IAM-123", "SHP-IAM-124").Order());
    }

    [Fact]
    public void FullIamAccess_IamWildcardOnEveryResource_Hit_ListedActionsNot()
    {
        const string main = """
            resource "aws_iam_role_policy" "wide" {
              role   = "ops"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
            }

            resource "aws_iam_role_policy" "narrow" {
              role   = "ops"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:Get*", "iam:List*"], Resource = "*" }] })
            }
            """;
        Assert.Equal([("SHP-IAM-125", "aws_iam_role_policy.wide", 3)], Scan(main, "SHP-IAM-125"));
    }
}
