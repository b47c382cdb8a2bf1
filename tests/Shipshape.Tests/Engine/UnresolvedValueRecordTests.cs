using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Reporting;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>
/// A rule that needs a value the scan cannot know (a Terraform variable without a default, a CloudFormation parameter
/// without one) counts the resource unresolved, not passed: the same resource with a literal value passes or fails.
/// Fixtures follow the examples of the Terraform AWS provider and CloudFormation documentation.
/// </summary>
public sealed class UnresolvedValueRecordTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    // aws_efs_file_system (Terraform AWS provider documentation): encrypted, literal or from a variable without a default.
    private const string EfsTerraform = """
        variable "efs_encrypted" {
          type = bool
        }

        resource "aws_efs_file_system" "encrypted" {
          creation_token = "my-product"
          encrypted      = true
        }

        resource "aws_efs_file_system" "plain" {
          creation_token = "my-product-plain"
          encrypted      = false
        }

        resource "aws_efs_file_system" "from_variable" {
          creation_token = "my-product-variable"
          encrypted      = var.efs_encrypted
        }
        """;

    // AWS::ElasticLoadBalancingV2::Listener (CloudFormation User Guide): an HTTPS listener with a TLS 1.3 policy, one with
    // ELBSecurityPolicy-2016-08 (TLS 1.0 and 1.1), and one whose policy is a parameter without a default.
    private const string ListenerTemplate = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          LoadBalancerArn:
            Type: String
          CertificateArn:
            Type: String
          TargetGroupArn:
            Type: String
          TlsPolicy:
            Type: String
        Resources:
          ModernListener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref LoadBalancerArn
              Port: 443
              Protocol: HTTPS
              SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
              Certificates:
                - CertificateArn: !Ref CertificateArn
              DefaultActions:
                - Type: forward
                  TargetGroupArn: !Ref TargetGroupArn
          LegacyListener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref LoadBalancerArn
              Port: 8443
              Protocol: HTTPS
              SslPolicy: ELBSecurityPolicy-2016-08
              Certificates:
                - CertificateArn: !Ref CertificateArn
              DefaultActions:
                - Type: forward
                  TargetGroupArn: !Ref TargetGroupArn
          ParameterListener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref LoadBalancerArn
              Port: 9443
              Protocol: HTTPS
              SslPolicy: !Ref TlsPolicy
              Certificates:
                - CertificateArn: !Ref CertificateArn
              DefaultActions:
                - Type: forward
                  TargetGroupArn: !Ref TargetGroupArn
        """;

    // aws_ecs_task_definition (Terraform AWS provider documentation): container_definitions with jsonencode; the image
    // pinned to a version tag, without a tag, or from a variable without a default.
    private const string TaskDefinitionTerraform = """
        variable "image" {
          type = string
        }

        resource "aws_ecs_task_definition" "pinned" {
          family = "pinned"
          container_definitions = jsonencode([
            {
              name      = "first"
              image     = "public.ecr.aws/nginx/nginx:1.27.0"
              cpu       = 10
              memory    = 512
              essential = true
            }
          ])
        }

        resource "aws_ecs_task_definition" "untagged" {
          family = "untagged"
          container_definitions = jsonencode([
            {
              name      = "first"
              image     = "service-first"
              cpu       = 10
              memory    = 512
              essential = true
            }
          ])
        }

        resource "aws_ecs_task_definition" "from_variable" {
          family = "from-variable"
          container_definitions = jsonencode([
            {
              name      = "first"
              image     = var.image
              cpu       = 10
              memory    = 512
              essential = true
            }
          ])
        }
        """;

    // aws_eks_cluster (Terraform AWS provider documentation): control-plane log types from a variable without a default,
    // every type, or only audit.
    private const string EksTerraform = """
        variable "log_types" {
          type = list(string)
        }

        resource "aws_eks_cluster" "from_variable" {
          name                      = "from-variable"
          role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
          version                   = "1.31"
          enabled_cluster_log_types = var.log_types

          vpc_config {
            subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          }
        }

        resource "aws_eks_cluster" "all_logs" {
          name                      = "all-logs"
          role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
          version                   = "1.31"
          enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

          vpc_config {
            subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          }
        }

        resource "aws_eks_cluster" "audit_only" {
          name                      = "audit-only"
          role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
          version                   = "1.31"
          enabled_cluster_log_types = ["audit"]

          vpc_config {
            subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
          }
        }
        """;

    // aws_iam_account_password_policy (Terraform AWS provider documentation): the minimum length from a variable without
    // a default, once with every other setting strong and once without requiring symbols.
    private const string PasswordPolicyTerraform = """
        variable "minimum_length" {
          type = number
        }

        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length        = var.minimum_length
          require_lowercase_characters   = true
          require_numbers                = true
          require_uppercase_characters   = true
          require_symbols                = true
          allow_users_to_change_password = true
          password_reuse_prevention      = 24
        }

        resource "aws_iam_account_password_policy" "no_symbols" {
          minimum_password_length        = var.minimum_length
          require_lowercase_characters   = true
          require_numbers                = true
          require_uppercase_characters   = true
          require_symbols                = false
          allow_users_to_change_password = true
          password_reuse_prevention      = 24
        }
        """;

    // AWS::ECR::Repository and AWS::Logs::LogGroup (CloudFormation User Guide): settings given literally, and the same
    // settings from parameters without defaults.
    private const string RegistryAndLogsTemplate = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          ScanOnPush:
            Type: String
            AllowedValues: ["true", "false"]
          TagMutability:
            Type: String
          RetentionDays:
            Type: Number
        Resources:
          ScannedRepository:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: scanned
              ImageTagMutability: IMMUTABLE
              ImageScanningConfiguration:
                ScanOnPush: true
          ParameterRepository:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: parameterised
              ImageTagMutability: !Ref TagMutability
              ImageScanningConfiguration:
                ScanOnPush: !Ref ScanOnPush
          YearLogGroup:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: year
              RetentionInDays: 365
          WeekLogGroup:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: week
              RetentionInDays: 7
          ParameterLogGroup:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: parameterised
              RetentionInDays: !Ref RetentionDays
        """;

    private static readonly Dictionary<string, string> Fixtures = new(StringComparer.Ordinal)
    {
        ["efs.tf"] = EfsTerraform,
        ["listeners.yaml"] = ListenerTemplate,
        ["ecs.tf"] = TaskDefinitionTerraform,
        ["eks.tf"] = EksTerraform,
        ["password.tf"] = PasswordPolicyTerraform,
        ["registry.yaml"] = RegistryAndLogsTemplate,
    };

    private static readonly Dictionary<string, ScanReport> Reports = new(StringComparer.Ordinal);

    private static ScanReport Scan(string fileName)
    {
        lock (Reports)
        {
            if (!Reports.TryGetValue(fileName, out var report))
            {
                using var tree = new TempTree();
                tree.Write(fileName, Fixtures[fileName]);
                Reports[fileName] = report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });
            }

            return report;
        }
    }

    /// <summary>
    /// Each fixture's rule record: pass for the literal good value, fail for the literal bad one (the finding's resource
    /// named when there is one), unresolved for the value the scan cannot know; none of these resources is of a format
    /// the rule does not read.
    /// </summary>
    [Theory]
    [InlineData("efs.tf", "SHP-CMP-001", 1, 1, 1, "aws_efs_file_system.plain")]
    // ELBSecurityPolicy-2016-08 allows TLS 1.0 and 1.1; the TLS 1.3 policy passes both rules.
    [InlineData("listeners.yaml", "SHP-NET-016", 1, 1, 1, "LegacyListener")]
    [InlineData("listeners.yaml", "SHP-NET-017", 2, 0, 1, null)]
    [InlineData("ecs.tf", "SHP-CTR-007", 1, 1, 1, "aws_ecs_task_definition.untagged")]
    // None is pinned by digest; the variable's image cannot be known to be.
    [InlineData("ecs.tf", "SHP-CTR-008", 0, 2, 1, null)]
    // Audit alone satisfies the audit rule, not the every-log-type one.
    [InlineData("eks.tf", "SHP-LOG-019", 2, 0, 1, null)]
    [InlineData("eks.tf", "SHP-LOG-032", 1, 1, 1, "aws_eks_cluster.audit_only")]
    // A known weakness fails the policy whatever its unknown minimum length.
    [InlineData("password.tf", "SHP-IAM-128", 0, 1, 1, "aws_iam_account_password_policy.no_symbols")]
    [InlineData("registry.yaml", "SHP-CTR-030", 1, 0, 1, null)]
    [InlineData("registry.yaml", "SHP-CTR-031", 1, 0, 1, null)]
    // Both literal retentions are set; only the week is under a year.
    [InlineData("registry.yaml", "SHP-LOG-018", 2, 0, 1, null)]
    [InlineData("registry.yaml", "SHP-LOG-024", 1, 1, 1, "WeekLogGroup")]
    public void Scan_ValueFromVariableOrParameterWithoutDefault_IsUnresolvedNotPassed(string fixture, string ruleId, int pass, int fail, int unresolved, string? failing)
    {
        var report = Scan(fixture);

        Assert.Equal(new CheckCounts(pass, fail, NotApplicable: 0, unresolved), report.Checks.Single(c => c.RuleId == ruleId).Counts);
        // Only the literal bad values are findings; what could not be decided is not one.
        var findings = report.Findings.Where(f => f.RuleId == ruleId).Select(f => f.Resource.Address).ToList();
        Assert.Equal(fail, findings.Count);
        if (failing is not null)
        {
            Assert.Equal(failing, Assert.Single(findings));
        }
    }

    [Fact]
    public void JsonReport_UnresolvedResource_IsCountedInTheRuleRecord()
    {
        var report = Scan("listeners.yaml");

        using var json = JsonDocument.Parse(ReportOutput.Text(new JsonReportWriter(), report));
        var record = json.RootElement.GetProperty("checks").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "SHP-NET-016");

        Assert.Equal(3, record.GetProperty("checked").GetInt32());
        Assert.Equal(1, record.GetProperty("pass").GetInt32());
        Assert.Equal(1, record.GetProperty("fail").GetInt32());
        Assert.Equal(1, record.GetProperty("unresolved").GetInt32());
        Assert.Equal(1, record.GetProperty("byKind").EnumerateObject().Single().Value.GetProperty("unresolved").GetInt32());
        Assert.Equal("LegacyListener", Assert.Single(record.GetProperty("failing").EnumerateArray()).GetProperty("address").GetString());
    }
}
