using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// The detection-breadth rules (provider credentials, cross-zone load balancing, EKS versions) on files as a user
/// writes them, through the whole pipeline: the cases their examples and the checkov corpus do not show.
/// </summary>
public sealed class BreadthRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static IReadOnlyList<Shipshape.Core.Finding> Scan(string fileName, string content, string rule)
    {
        using var tree = new TempTree();
        tree.Write(fileName, content);
        return [.. new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], OnlyRules = [rule] }).Findings];
    }

    [Fact]
    public void ProviderCredentials_AliasedProviderWithVariableDefault_HitAtTheProviderWithoutTheValue()
    {
        const string configuration = """
            variable "secret" {
              type    = string
              default = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            }

            provider "aws" {
              alias      = "deploy"
              region     = "eu-west-1"
              secret_key = var.secret
            }
            """;

        var hit = Assert.Single(Scan("main.tf", configuration, "SHP-SEC-018"));
        Assert.Equal("provider.aws.deploy", hit.Resource.Address);
        Assert.Equal("AWS provider 'provider.aws.deploy' has secret_key written into the configuration; anyone who can read the code or its state has the credentials.", hit.Message);
        Assert.DoesNotContain("EXAMPLEKEY", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderCredentials_VariableWithoutValue_NoHit()
    {
        const string configuration = """
            variable "access_key" {
              type = string
            }

            provider "aws" {
              region     = "eu-west-1"
              access_key = var.access_key
            }
            """;

        Assert.Empty(Scan("main.tf", configuration, "SHP-SEC-018"));
    }

    [Fact]
    public void ProviderCredentials_LocalStackEndpoints_NoHitButWithoutEndpointsHit()
    {
        const string configuration = """
            provider "aws" {
              region                      = "us-east-1"
              access_key                  = "test"
              secret_key                  = "test"
              skip_credentials_validation = true

              endpoints {
                ecs = "http://localhost:4566"
              }
            }
            """;

        Assert.Empty(Scan("main.tf", configuration, "SHP-SEC-018"));
        var real = configuration.Replace("skip_credentials_validation = true", "skip_credentials_validation = false", StringComparison.Ordinal);
        Assert.Single(Scan("main.tf", real, "SHP-SEC-018"));
    }

    [Fact]
    public void CrossZone_ClassicLoadBalancerTerraformDefaultAndCloudFormationDefault_DifferAsDocumented()
    {
        // The aws_elb provider default is true; the ELB API and CloudFormation (CrossZone) default to false.
        const string terraform = """
            resource "aws_elb" "legacy" {
              availability_zones = ["eu-west-1a", "eu-west-1b"]
              listener {
                lb_port           = 443
                lb_protocol       = "https"
                instance_port     = 8080
                instance_protocol = "http"
                ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
              }
            }
            """;
        const string template = """
            Resources:
              Legacy:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "8080"
                      Protocol: HTTPS
                      SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
            """;

        Assert.Empty(Scan("main.tf", terraform, "SHP-NET-032"));
        var hit = Assert.Single(Scan("template.yaml", template, "SHP-NET-032"));
        Assert.Equal("Classic Load Balancer 'Legacy' does not set CrossZone, so each node routes only to instances in its own Availability Zone (the default is false).", hit.Message);
    }

    [Fact]
    public void CrossZone_ApplicationLoadBalancerWithFlagOff_NoHit()
    {
        // Application Load Balancers always balance across zones; the attribute cannot turn that off.
        const string terraform = """
            resource "aws_lb" "alb" {
              load_balancer_type               = "application"
              enable_cross_zone_load_balancing = false
            }
            """;

        Assert.Empty(Scan("main.tf", terraform, "SHP-NET-032"));
    }

    [Theory]
    [InlineData("1.31", true)]
    [InlineData("1.23.17", true)]
    [InlineData("1.32", false)]
    [InlineData("1.35", false)]
    [InlineData("latest", false)]
    public void EksVersion_EndOfExtendedSupport_HitOnlyForEndedVersions(string version, bool reported)
    {
        var configuration = $$"""
            resource "aws_eks_cluster" "main" {
              name     = "main"
              role_arn = "arn:aws:iam::111122223333:role/eks"
              version  = "{{version}}"
              vpc_config {
                subnet_ids = ["subnet-a", "subnet-b"]
              }
            }
            """;

        Assert.Equal(reported ? 1 : 0, Scan("main.tf", configuration, "SHP-CTR-040").Count);
    }

    [Fact]
    public void DefaultSecurityGroup_CloudFormationVpcWithoutRules_NoHitBecauseTheFormatCannotRemoveThem()
    {
        const string template = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
            """;

        Assert.Empty(Scan("template.yaml", template, "SHP-NET-034"));
    }

    [Fact]
    public void DefaultSecurityGroup_TerraformDefaultGroupWithSelfIngress_HitAtTheVpc()
    {
        const string configuration = """
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }

            resource "aws_default_security_group" "main" {
              vpc_id = aws_vpc.main.id

              ingress {
                protocol  = "-1"
                self      = true
                from_port = 0
                to_port   = 0
              }
            }
            """;

        var hit = Assert.Single(Scan("main.tf", configuration, "SHP-NET-034"));
        Assert.Equal("aws_vpc.main", hit.Resource.Address);
        Assert.StartsWith("The default security group of VPC 'aws_vpc.main' has a rule (ingress, all traffic", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Privileged_BatchJobDefinitionInCloudFormation_HitAtPrivilegedWithBatchWording()
    {
        const string template = """
            Resources:
              Job:
                Type: AWS::Batch::JobDefinition
                Properties:
                  Type: container
                  ContainerProperties:
                    Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/report:2.1.0
                    Privileged: true
                    ResourceRequirements:
                      - Type: MEMORY
                        Value: "2048"
                      - Type: VCPU
                        Value: "1"
            """;

        var hit = Assert.Single(Scan("template.yaml", template, "SHP-CTR-001"));
        Assert.Equal("The container of Batch job definition 'Job' sets Privileged to true.", hit.Message);
        Assert.Equal(8, hit.Location.StartLine);
        // Memory from ResourceRequirements counts as the limit; Batch has no capabilities parameter to drop.
        Assert.Empty(Scan("template.yaml", template, "SHP-CTR-009"));
        Assert.Empty(Scan("template.yaml", template, "SHP-CTR-005"));
    }
}
