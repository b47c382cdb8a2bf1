using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Security-group, load-balancer, ECS, EKS and EC2 rules run on files as a user writes them (fixtures from the
/// CloudFormation and Terraform references), so messages, lines and resources are those of the whole pipeline.
/// </summary>
public sealed class NetworkBreadthRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static IReadOnlyList<Shipshape.Core.Finding> Scan(string fileName, string content, string rule)
    {
        using var tree = new TempTree();
        tree.Write(fileName, content);
        return [.. new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], OnlyRules = [rule] }).Findings];
    }

    [Fact]
    public void HttpOpenToWorld_GroupOfLoadBalancerWhosePort80Redirects_NoHit()
    {
        const string template = """
            resource "aws_security_group" "alb" {
              description = "alb"
              ingress {
                description = "http"
                protocol    = "tcp"
                from_port   = 80
                to_port     = 80
                cidr_blocks = ["0.0.0.0/0"]
              }
            }

            resource "aws_lb" "alb" {
              security_groups = [aws_security_group.alb.id]
            }

            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.alb.arn
              port              = 80
              protocol          = "HTTP"
              default_action {
                type = "redirect"
                redirect {
                  protocol    = "HTTPS"
                  port        = "443"
                  status_code = "HTTP_301"
                }
              }
            }
            """;

        Assert.Empty(Scan("main.tf", template, "SHP-NET-020"));
        var forwarding = template.Replace("type = \"redirect\"", "type = \"forward\"", StringComparison.Ordinal);
        var hit = Assert.Single(Scan("main.tf", forwarding, "SHP-NET-020"));
        Assert.Equal("Security group 'aws_security_group.alb' allows plain HTTP (TCP 80) from 0.0.0.0/0.", hit.Message);
        Assert.Equal(8, hit.Location.StartLine);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "a private range wider than any VPC")]
    [InlineData("203.0.113.0/24", "a public network")]
    public void SensitivePortBroadSource_DatabaseFromBroadSource_HitNamesServiceAndSource(string cidr, string source)
    {
        var template = $$"""
            resource "aws_security_group" "db" {
              description = "db"
              ingress {
                description = "postgres"
                protocol    = "tcp"
                from_port   = 5432
                to_port     = 5432
                cidr_blocks = ["{{cidr}}"]
              }
            }
            """;

        var hit = Assert.Single(Scan("main.tf", template, "SHP-NET-023"));
        Assert.Equal($"Security group 'aws_security_group.db' allows PostgreSQL/Aurora PostgreSQL (5432) from {cidr}, {source}.", hit.Message);
        Assert.Equal(8, hit.Location.StartLine);
    }

    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("203.0.113.7/32")]
    [InlineData("0.0.0.0/0")]
    public void SensitivePortBroadSource_VpcRangeSingleHostOrWorld_NoHit(string cidr)
    {
        var template = $$"""
            resource "aws_vpc_security_group_ingress_rule" "db" {
              security_group_id = "sg-0123456789abcdef0"
              ip_protocol       = "tcp"
              from_port         = 6379
              to_port           = 6379
              cidr_ipv4         = "{{cidr}}"
            }
            """;

        Assert.Empty(Scan("main.tf", template, "SHP-NET-023"));
    }

    [Fact]
    public void MissingDescription_TerraformGroupAndInlineRule_TwoHits()
    {
        const string template = """
            resource "aws_security_group" "app" {
              name = "app"
              egress {
                protocol    = "tcp"
                from_port   = 443
                to_port     = 443
                cidr_blocks = ["10.0.0.0/16"]
              }
            }
            """;

        var hits = Scan("main.tf", template, "SHP-NET-022");
        Assert.Equal(
            ["Security group 'aws_security_group.app' has an egress rule without description.", "Security group 'aws_security_group.app' has no description."],
            hits.Select(h => h.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClassicListener_HttpFrontAndHttpsToHttpBack_OneHitEach()
    {
        const string template = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Elb:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "80"
                      InstancePort: "8080"
                      Protocol: HTTP
                      InstanceProtocol: HTTP
                    - LoadBalancerPort: "443"
                      InstancePort: "8080"
                      Protocol: HTTPS
                      InstanceProtocol: HTTP
                      SSLCertificateId: arn:aws:acm:us-east-1:111122223333:certificate/abc
            """;

        var front = Assert.Single(Scan("template.yaml", template, "SHP-NET-027"));
        Assert.Equal("Classic Load Balancer 'Elb' has a listener on port 80 that accepts plain HTTP instead of HTTPS or SSL.", front.Message);
        Assert.Equal(9, front.Location.StartLine);
        var back = Assert.Single(Scan("template.yaml", template, "SHP-NET-028"));
        Assert.Equal("Classic Load Balancer 'Elb' accepts HTTPS but sends it to the instances over plain HTTP (InstanceProtocol).", back.Message);
        Assert.Equal(14, back.Location.StartLine);
    }

    [Fact]
    public void WeakTlsPolicy_ClassicCustomPolicyWithTls1_HitAtAttributeValue()
    {
        const string template = """
            resource "aws_load_balancer_policy" "ssl" {
              load_balancer_name = "web"
              policy_name        = "web-ssl"
              policy_type_name   = "SSLNegotiationPolicyType"
              policy_attribute {
                name  = "Protocol-TLSv1.2"
                value = "true"
              }
              policy_attribute {
                name  = "Protocol-TLSv1"
                value = "true"
              }
            }
            """;

        var hit = Assert.Single(Scan("main.tf", template, "SHP-NET-016"));
        Assert.Equal("Load balancer policy 'web-ssl' of 'aws_load_balancer_policy.ssl' offers TLS below 1.2: Protocol-TLSv1 turned on.", hit.Message);
        Assert.Equal(11, hit.Location.StartLine);
        Assert.Empty(Scan("main.tf", template.Replace("name  = \"Protocol-TLSv1\"\n    value = \"true\"", "name  = \"Protocol-TLSv1\"\n    value = \"false\"", StringComparison.Ordinal), "SHP-NET-016"));
    }

    [Theory]
    [InlineData("256", "4096", true)]
    [InlineData("8192", "18432", true)]
    [InlineData("8192", "20480", false)]
    [InlineData("8192", "16384", false)]
    [InlineData("1 vCPU", "2 GB", false)]
    [InlineData("256", "512", false)]
    public void InvalidFargateSize_TableOfTheEcsDocumentation(string cpu, string memory, bool reported)
    {
        var definition = $$"""
            {
              "family": "app",
              "requiresCompatibilities": ["FARGATE"],
              "networkMode": "awsvpc",
              "cpu": "{{cpu}}",
              "memory": "{{memory}}",
              "containerDefinitions": [ { "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27" } ]
            }
            """;

        Assert.Equal(reported, Scan("task-definition.json", definition, "SHP-CTR-036").Count == 1);
    }

    [Fact]
    public void MetadataV1Allowed_InstanceFromLaunchTemplate_NoHit_InstanceWithout_Hit()
    {
        const string template = """
            resource "aws_instance" "from_template" {
              launch_template {
                id = "lt-0123456789abcdef0"
              }
            }

            resource "aws_instance" "plain" {
              ami           = "ami-0123456789abcdef0"
              instance_type = "t3.micro"
            }
            """;

        var hit = Assert.Single(Scan("main.tf", template, "SHP-NET-030"));
        Assert.Equal("'aws_instance.plain' does not set metadata_options http_tokens to required, so the instance metadata service accepts IMDSv1 requests (the default is optional).", hit.Message);
        Assert.Equal(7, hit.Location.StartLine);
    }

    [Fact]
    public void UserDataSecret_ScriptWithPowerShellVariablesOnly_NoHit()
    {
        const string template = """
            resource "aws_instance" "win" {
              ami       = "ami-0123456789abcdef0"
              user_data = <<-EOT
                <powershell>
                $AWS_AVAIL_ZONE=(curl http://169.254.169.254/latest/meta-data/placement/availability-zone).Content
                $AWS_REGION=$AWS_AVAIL_ZONE.Substring(0,$AWS_AVAIL_ZONE.length-1)
                </powershell>
              EOT
            }
            """;

        Assert.Empty(Scan("main.tf", template, "SHP-CTR-039"));
    }

    [Fact]
    public void ExecSessionNotCmkEncrypted_DefaultLoggingWithKey_NoHit_OverrideWithoutEncryption_Hit()
    {
        const string template = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              WithKey:
                Type: AWS::ECS::Cluster
                Properties:
                  Configuration:
                    ExecuteCommandConfiguration:
                      KmsKeyId: alias/exec
              Override:
                Type: AWS::ECS::Cluster
                Properties:
                  Configuration:
                    ExecuteCommandConfiguration:
                      KmsKeyId: alias/exec
                      Logging: OVERRIDE
                      LogConfiguration:
                        CloudWatchLogGroupName: /ecs/exec
            """;

        var hit = Assert.Single(Scan("template.yaml", template, "SHP-LOG-031"));
        Assert.Equal("Override", hit.Resource.Address);
        Assert.Equal("ECS cluster 'Override' sends ECS Exec session logs to its own destination (logging OVERRIDE) without CloudWatchEncryptionEnabled or S3EncryptionEnabled.", hit.Message);
    }

    [Fact]
    public void ServiceConnectWithoutTls_PlanJson_EmptyTlsListIsNoTlsAndAFilledOneIs()
    {
        // terraform show -json writes nested blocks as lists: an absent tls block is [].
        const string plan = """
            {
              "format_version": "1.2",
              "planned_values": {
                "root_module": {
                  "resources": [
                    {
                      "address": "aws_ecs_service.orders",
                      "mode": "managed",
                      "type": "aws_ecs_service",
                      "name": "orders",
                      "values": {
                        "name": "orders",
                        "service_connect_configuration": [
                          {
                            "enabled": true,
                            "namespace": "arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abcdef",
                            "service": [
                              { "port_name": "orders-http", "tls": [] },
                              { "port_name": "orders-grpc", "tls": [ { "role_arn": "arn:aws:iam::111122223333:role/ecsInfrastructureRole", "issuer_cert_authority": [ { "aws_pca_authority_arn": "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0d2f5a4e-6c1b-4f6e-9a3b-2c7d8e9f0a1b" } ] } ] }
                            ]
                          }
                        ]
                      }
                    },
                    {
                      "address": "aws_ecs_service.disabled",
                      "mode": "managed",
                      "type": "aws_ecs_service",
                      "name": "disabled",
                      "values": {
                        "name": "disabled",
                        "service_connect_configuration": [ { "enabled": false, "service": [ { "port_name": "x", "tls": [] } ] } ]
                      }
                    }
                  ]
                }
              }
            }
            """;

        var finding = Assert.Single(Scan("plan.json", plan, "SHP-NET-054"));

        Assert.Equal("aws_ecs_service.orders", finding.Resource.Address);
        Assert.Contains("'orders-http'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlayNetworkUnencrypted_ExternalAndBridgeAndEncryptedNetworks_OnlyThePlainOverlay()
    {
        const string compose = """
            services:
              api:
                image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2
            networks:
              plain:
                driver: overlay
              sealed:
                driver: overlay
                driver_opts:
                  encrypted: ""
              shared:
                driver: overlay
                external: true
              local:
                driver: bridge
            """;

        var finding = Assert.Single(Scan("docker-compose.yml", compose, "SHP-NET-055"));

        Assert.Equal("networks.plain", finding.Resource.Address);
        Assert.Equal(6, finding.Location.StartLine);
    }
}
