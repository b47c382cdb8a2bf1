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

    private static ScanReport Scan(string fileName, string content)
    {
        using var tree = new TempTree();
        tree.Write(fileName, content);
        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });
    }

    private static CheckCounts Counts(ScanReport report, string ruleId) => report.Checks.Single(c => c.RuleId == ruleId).Counts;

    [Fact]
    public void Scan_EfsEncryptedFromVariableWithoutDefault_IsUnresolvedNotPassed()
    {
        var report = Scan("efs.tf", EfsTerraform);

        Assert.Equal(new CheckCounts(Pass: 1, Fail: 1, NotApplicable: 0, Unresolved: 1), Counts(report, "SHP-CMP-001"));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "SHP-CMP-001");
        Assert.Equal("aws_efs_file_system.plain", finding.Resource.Address);
    }

    [Fact]
    public void Scan_ListenerPolicyFromParameterWithoutDefault_IsUnresolvedForBothTlsRules()
    {
        var report = Scan("listeners.yaml", ListenerTemplate);

        // ELBSecurityPolicy-2016-08 allows TLS 1.0 and 1.1; the TLS 1.3 policy passes both rules.
        Assert.Equal(new CheckCounts(Pass: 1, Fail: 1, NotApplicable: 0, Unresolved: 1), Counts(report, "SHP-NET-016"));
        Assert.Equal("LegacyListener", Assert.Single(report.Findings, f => f.RuleId == "SHP-NET-016").Resource.Address);
        Assert.Equal(1, Counts(report, "SHP-NET-017").Unresolved);
        Assert.Equal(0, Counts(report, "SHP-NET-017").Fail);
    }

    [Fact]
    public void Scan_ImageFromVariableWithoutDefault_IsUnresolvedForTheImageRules()
    {
        var report = Scan("ecs.tf", TaskDefinitionTerraform);

        Assert.Equal(new CheckCounts(Pass: 1, Fail: 1, NotApplicable: 0, Unresolved: 1), Counts(report, "SHP-CTR-007"));
        Assert.Equal("aws_ecs_task_definition.untagged", Assert.Single(report.Findings, f => f.RuleId == "SHP-CTR-007").Resource.Address);
        // None is pinned by digest; the variable's image cannot be known to be.
        Assert.Equal(new CheckCounts(Pass: 0, Fail: 2, NotApplicable: 0, Unresolved: 1), Counts(report, "SHP-CTR-008"));
        // No finding names the task definition whose image is unknown.
        Assert.DoesNotContain(report.Findings, f => f.Resource.Address == "aws_ecs_task_definition.from_variable" && f.RuleId is "SHP-CTR-007" or "SHP-CTR-008");
    }

    [Fact]
    public void JsonReport_UnresolvedResource_IsCountedInTheRuleRecord()
    {
        var report = Scan("listeners.yaml", ListenerTemplate);

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
