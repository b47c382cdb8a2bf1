using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>Other tools' inline suppressions apply through each rule's equivalents, so a team switching keeps its comments.</summary>
public sealed class ForeignSuppressionTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static ScanReport Scan(TempTree tree, bool foreign = true) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4), ForeignSuppressions = foreign });

    private const string PrivilegedTerraform = """
        resource "aws_ecs_task_definition" "agent" {
          #checkov:skip=CKV_AWS_334:the agent reads the Docker socket
          family                = "agent"
          container_definitions = jsonencode([{ name = "agent", image = "public.ecr.aws/agent:1", privileged = true }])
        }
        """;

    [Fact]
    public void Scan_CheckovSkipInsideTheResource_SuppressesTheEquivalentRuleWithItsReason()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", PrivilegedTerraform);

        var finding = Assert.Single(Scan(tree).Findings, f => f.RuleId == "SHP-CTR-001");

        Assert.Equal(SuppressionKind.Inline, finding.Suppression?.Kind);
        Assert.Equal("the agent reads the Docker socket (checkov:skip)", finding.Suppression?.Reason);
    }

    [Fact]
    public void Scan_ForeignSuppressionsTurnedOff_LeaveTheFindingActive()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", PrivilegedTerraform);

        var finding = Assert.Single(Scan(tree, foreign: false).Findings, f => f.RuleId == "SHP-CTR-001");

        Assert.Null(finding.Suppression);
    }

    [Theory]
    [InlineData("# trivy:ignore:KSV017", true)]
    [InlineData("# trivy:ignore:KSV017:exp:2099-01-01", true)]
    [InlineData("# trivy:ignore:KSV017:exp:2020-01-01", false)] // expired: counts again
    [InlineData("# kics-scan ignore-line", true)] // every rule, on the next line
    [InlineData("# trivy:ignore:KSV001", false)] // another check
    public void Scan_TrivyAndKicsComments_ApplyLikeTheirTools(string comment, bool suppressed)
    {
        using var tree = new TempTree();
        tree.Write("pod.yaml", $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    securityContext:\n      {comment}\n      privileged: true\n");

        var finding = Assert.Single(Scan(tree).Findings, f => f.RuleId == "SHP-CTR-001");

        Assert.Equal(suppressed, finding.Suppressed);
    }

    [Fact]
    public void Scan_HadolintIgnore_SuppressesTheEquivalentDockerfileRule()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "# hadolint ignore=DL3007\nFROM alpine:latest\nUSER 1000\nHEALTHCHECK CMD true\n");

        var report = Scan(tree);

        var finding = Assert.Single(report.Findings, f => f.RuleId == "SHP-CTR-007");
        Assert.Equal("hadolint ignore", finding.Suppression?.Reason);
    }

    [Theory]
    [InlineData("checkov:\n        skip:\n          - id: CKV_AWS_334\n            comment: sidecar needs it\n", "sidecar needs it (checkov metadata)")]
    [InlineData("cfn_nag:\n        rules_to_suppress:\n          - id: ECS.4\n            reason: reviewed\n", "reviewed (cfn_nag metadata)")]
    public void Scan_OtherToolsTemplateMetadata_SuppressesThroughEquivalents(string metadata, string reason)
    {
        using var tree = new TempTree();
        tree.Write("template.yaml", $"""
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Metadata:
                  {metadata.TrimEnd()}
                Properties:
                  Family: app
                  ContainerDefinitions:
                    - Name: web
                      Image: public.ecr.aws/nginx/nginx:1
                      Privileged: true
            """);

        var finding = Assert.Single(Scan(tree).Findings, f => f.RuleId == "SHP-CTR-001");

        Assert.Equal(reason, finding.Suppression?.Reason);
        Assert.Null(Assert.Single(Scan(tree, foreign: false).Findings, f => f.RuleId == "SHP-CTR-001").Suppression);
    }

    // A security group as the Terraform AWS provider documents it, with SSH and RDP open to the world.
    private static string OpenGroup(string sshComment, string rdpComment, string descriptionComment = "") => $$"""
        resource "aws_security_group" "admin" {
          {{descriptionComment}}
          description = "admin access"
          ingress {
            description = "ssh"
            protocol    = "tcp"
            from_port   = 22
            to_port     = 22
            cidr_blocks = ["0.0.0.0/0"] {{sshComment}}
          }
          ingress {
            description = "rdp"
            protocol    = "tcp"
            from_port   = 3389
            to_port     = 3389
            cidr_blocks = ["0.0.0.0/0"] {{rdpComment}}
          }
        }
        """;

    [Fact]
    public void Scan_TrivyIgnoreOnOneRuleOfAGroup_SuppressesThatRuleOnly()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", OpenGroup(string.Empty, "#trivy:ignore:AVD-AWS-0107"));

        var open = Scan(tree).Findings.Where(f => f.RuleId == "SHP-NET-010").OrderBy(f => f.Location.StartLine).ToList();

        Assert.Equal(2, open.Count);
        Assert.False(open[0].Suppressed);
        Assert.Equal("trivy:ignore", open[1].Suppression?.Reason);
    }

    [Fact]
    public void Scan_KicsIgnoreLineInsideAResource_CoversOnlyTheNextLine()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", OpenGroup(string.Empty, string.Empty, "# kics-scan ignore-line"));

        var findings = Scan(tree).Findings.Where(f => f.RuleId is "SHP-NET-010" or "SHP-NET-021" or "SHP-NET-022").ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.False(f.Suppressed, $"{f.RuleId} at line {f.Location.StartLine} is not on the line after the comment"));
    }

    [Fact]
    public void Scan_TfsecLongIdOnTheRule_SuppressesItAsTheAvdIdDoes()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", OpenGroup("#tfsec:ignore:aws-ec2-no-public-ingress-sgr", string.Empty));

        var open = Scan(tree).Findings.Where(f => f.RuleId == "SHP-NET-010").OrderBy(f => f.Location.StartLine).ToList();

        Assert.Equal("tfsec:ignore", open[0].Suppression?.Reason);
        Assert.False(open[1].Suppressed);
    }

    [Fact]
    public void Scan_CheckovSkipOfTheSshCheck_DoesNotHideRdp()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", OpenGroup(string.Empty, string.Empty, "#checkov:skip=CKV_AWS_24:ssh only through the bastion"));

        var open = Scan(tree).Findings.Where(f => f.RuleId == "SHP-NET-010").OrderBy(f => f.Location.StartLine).ToList();

        Assert.Equal(2, open.Count);
        Assert.Equal("ssh only through the bastion (checkov:skip)", open[0].Suppression?.Reason);
        Assert.DoesNotContain("CKV_AWS_25", open[0].Equivalents);
        Assert.False(open[1].Suppressed);
        Assert.Contains("CKV_AWS_25", open[1].Equivalents);
        Assert.DoesNotContain("CKV_AWS_24", open[1].Equivalents);
    }

    [Fact]
    public void Scan_GitleaksAllowOnASecretLine_ShownSuppressedAndReportedWithoutForeignSuppressions()
    {
        using var tree = new TempTree();
        var key = "ghp_" + new string('q', 2) + "4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2";
        tree.Write("ci.env", $"GH_TOKEN={key} # gitleaks:allow\nOTHER_TOKEN={key}x\n");

        var with = Scan(tree).Findings.Where(f => f.Practice == Practice.Secrets).OrderBy(f => f.Location.StartLine).ToList();
        var without = Scan(tree, foreign: false).Findings.Where(f => f.Practice == Practice.Secrets).ToList();

        Assert.Equal(2, with.Count);
        Assert.Equal("gitleaks:allow", with[0].Suppression?.Reason);
        Assert.False(with[1].Suppressed);
        Assert.Equal(2, without.Count);
        Assert.All(without, f => Assert.False(f.Suppressed));
    }

    [Fact]
    public void Scan_CfnNagRuleIdInTemplateMetadata_SuppressesTheRuleItMapsTo()
    {
        // cfn_nag's F23: an RDS master password written in the template.
        using var tree = new TempTree();
        tree.Write("db.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Legacy:
                Type: AWS::RDS::DBInstance
                Metadata:
                  cfn_nag:
                    rules_to_suppress:
                      - id: F23
                        reason: test fixture, rotated on deploy
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t4g.micro
                  MasterUsername: app
                  MasterUserPassword: Autumn-Harbour-42
              Current:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t4g.micro
                  MasterUsername: app
                  MasterUserPassword: Autumn-Harbour-42
            """);

        var findings = Scan(tree).Findings.Where(f => f.RuleId == "SHP-SEC-019").ToDictionary(f => f.Resource.Address);

        Assert.Equal("test fixture, rotated on deploy (cfn_nag metadata)", findings["Legacy"].Suppression?.Reason);
        Assert.False(findings["Current"].Suppressed);
    }
}
