using System.Collections.Immutable;
using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Syntax;
using Shipshape.Ingest.Terraform;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Aws;

/// <summary>
/// The same AWS resource written in CloudFormation and in Terraform (from the CloudFormation resource reference and
/// the AWS provider documentation) must give the same model: the same values and the same explicit, defaulted or
/// unresolved state for every field, because one builder per concept decides the defaults.
/// </summary>
public sealed class AwsParityTests
{
    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Read_SameResourceInBothFormats_SameModelValuesAndOrigins(string name)
    {
        var @case = Cases.Single(c => c.Name == name);

        var fromCloudFormation = ModelFingerprint.Of(Single(ReadCloudFormation(@case.CloudFormation), @case.ModelType));
        var fromTerraform = ModelFingerprint.Of(Single(ReadTerraform(@case.Terraform), @case.ModelType));

        Assert.Equal(string.Join("\n", fromCloudFormation), string.Join("\n", fromTerraform));
        foreach (var (field, value) in @case.Expect)
        {
            Assert.Contains($"{field}={value}", fromCloudFormation);
        }
    }

    [Fact]
    public void Read_ListenerWithoutProtocolOnApplicationLoadBalancer_HttpInBothFormats()
    {
        // The Terraform provider used to be the only source of this default (HTTP for every listener); it now comes from
        // the load balancer's type in both formats (ListenerBuilder.WithLoadBalancerTypes).
        var @case = Cases.Single(c => c.Name == "listener, protocol omitted, application load balancer");

        var cloudFormation = (Listener)Single(ReadCloudFormation(@case.CloudFormation), typeof(Listener));
        var terraform = (Listener)Single(ReadTerraform(@case.Terraform), typeof(Listener));

        Assert.Equal(("HTTP", ValueOrigin.Defaulted, "Protocol"), (cloudFormation.Protocol.Current, cloudFormation.Protocol.Origin, cloudFormation.Protocol.Path));
        Assert.Equal(("HTTP", ValueOrigin.Defaulted, "protocol"), (terraform.Protocol.Current, terraform.Protocol.Origin, terraform.Protocol.Path));
    }

    [Fact]
    public void Read_PlanJsonWithNullsAndUnknowns_SameBuilderDefaultsAndUnresolvedState()
    {
        // terraform show -json: attributes the configuration left unset are null, values known only after apply are
        // listed in after_unknown (Terraform's JSON output format). Both must read as the HCL configuration does.
        const string plan = """
            {
              "format_version": "1.2",
              "planned_values": {
                "root_module": {
                  "resources": [
                    {
                      "address": "aws_ecr_repository.repo",
                      "mode": "managed",
                      "type": "aws_ecr_repository",
                      "values": { "name": "app", "image_tag_mutability": null, "image_scanning_configuration": [], "encryption_configuration": [] }
                    },
                    {
                      "address": "aws_lb_listener.front",
                      "mode": "managed",
                      "type": "aws_lb_listener",
                      "values": { "port": 443, "ssl_policy": null, "default_action": [ { "type": "redirect", "redirect": [ { "protocol": "HTTPS" } ] } ] }
                    }
                  ]
                }
              },
              "resource_changes": [
                { "address": "aws_lb_listener.front", "type": "aws_lb_listener", "change": { "after": {}, "after_unknown": { "protocol": true } } }
              ]
            }
            """;
        var parsed = JsonSyntaxParser.Parse("plan.json", Encoding.UTF8.GetBytes(plan));
        var resources = new TerraformPlanReader().Read("plan.json", parsed.Roots[0]).Resources;

        var repository = (EcrRepository)Single(resources, typeof(EcrRepository));
        var listener = (Listener)Single(resources, typeof(Listener));

        Assert.Equal(("MUTABLE", ValueOrigin.Defaulted), (repository.TagMutability.Current, repository.TagMutability.Origin));
        Assert.Equal((false, ValueOrigin.Defaulted), (repository.ScanOnPush.Current, repository.ScanOnPush.Origin));
        Assert.Equal(("AES256", ValueOrigin.Defaulted), (repository.EncryptionType.Current, repository.EncryptionType.Origin));
        Assert.Equal(ValueOrigin.Unresolved, listener.Protocol.Origin);
        Assert.Equal((true, ValueOrigin.Explicit), (listener.RedirectsToHttps.Current, listener.RedirectsToHttps.Origin));
    }

    private static Resource Single(ImmutableArray<Resource> resources, Type type) =>
        Assert.Single(resources, r => r.GetType() == type);

    private static ImmutableArray<Resource> ReadCloudFormation(string template)
    {
        var parsed = StructuredParser.Parse("template.yaml", Encoding.UTF8.GetBytes(template));
        Assert.Empty(parsed.Diagnostics);
        var result = new CloudFormationReader().Read("template.yaml", parsed.Roots[0]);
        Assert.Empty(result.Diagnostics);
        return result.Resources;
    }

    private static ImmutableArray<Resource> ReadTerraform(string configuration)
    {
        using var tree = new TempTree();
        tree.Write("main.tf", configuration);
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root] }).Files;
        var reader = new TerraformModuleReader();
        var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        return reader.Read(new ModuleReadRequest(claimed), CancellationToken.None).Result.Resources;
    }

    private static readonly ImmutableArray<ParityCase> Cases =
    [
        new("listener, HTTP redirecting to HTTPS", typeof(Listener),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Http:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        Protocol: HTTPS
                        Port: "443"
                        StatusCode: HTTP_301
            """,
            """
            resource "aws_lb" "lb" {}
            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.lb.arn
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
            """,
            ("Protocol", "HTTP (Explicit)"), ("RedirectsToHttps", "true (Explicit)"), ("Port", "80 (Explicit)")),
        new("listener, redirect without protocol keeps the request's protocol", typeof(Listener),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Http:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        Host: www.example.com
                        StatusCode: HTTP_302
            """,
            """
            resource "aws_lb" "lb" {}
            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.lb.arn
              port              = 80
              protocol          = "HTTP"
              default_action {
                type = "redirect"
                redirect {
                  host        = "www.example.com"
                  status_code = "HTTP_302"
                }
              }
            }
            """,
            ("RedirectsToHttps", "false (Defaulted)")),
        new("listener, protocol omitted, application load balancer", typeof(Listener),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Http:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 80
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef
            """,
            """
            resource "aws_lb" "lb" {}
            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.lb.arn
              port              = 80
              default_action {
                type             = "forward"
                target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
              }
            }
            """,
            ("Protocol", "HTTP (Defaulted)"), ("RedirectsToHttps", "false (Defaulted)")),
        new("listener, protocol omitted, gateway load balancer", typeof(Listener),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: gateway
              Geneve:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/appliances/0123456789abcdef
            """,
            """
            resource "aws_lb" "lb" {
              load_balancer_type = "gateway"
            }
            resource "aws_lb_listener" "geneve" {
              load_balancer_arn = aws_lb.lb.arn
              default_action {
                type             = "forward"
                target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/appliances/0123456789abcdef"
              }
            }
            """,
            ("Protocol", "null (Defaulted)"), ("Port", "null (Defaulted)")),
        new("listener, protocol and policy from unresolved inputs", typeof(Listener),
            """
            Parameters:
              ListenerProtocol:
                Type: String
              Policy:
                Type: String
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Front:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 443
                  Protocol: !Ref ListenerProtocol
                  SslPolicy: !Ref Policy
                  DefaultActions:
                    - Type: fixed-response
                      FixedResponseConfig:
                        StatusCode: "404"
            """,
            """
            variable "listener_protocol" { type = string }
            variable "policy" { type = string }
            resource "aws_lb" "lb" {}
            resource "aws_lb_listener" "front" {
              load_balancer_arn = aws_lb.lb.arn
              port              = 443
              protocol          = var.listener_protocol
              ssl_policy        = var.policy
              default_action {
                type = "fixed-response"
                fixed_response {
                  content_type = "text/plain"
                  status_code  = "404"
                }
              }
            }
            """,
            ("Protocol", "null (Unresolved)"), ("SslPolicy", "null (Unresolved)")),
        new("listener, default actions not knowable", typeof(Listener),
            """
            Parameters:
              Mode:
                Type: String
            Conditions:
              Redirect: !Equals [!Ref Mode, redirect]
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Http:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions: !If
                    - Redirect
                    - - Type: redirect
                        RedirectConfig:
                          Protocol: HTTPS
                          StatusCode: HTTP_301
                    - - Type: fixed-response
                        FixedResponseConfig:
                          StatusCode: "200"
            """,
            """
            variable "actions" { type = list(string) }
            resource "aws_lb" "lb" {}
            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.lb.arn
              port              = 80
              protocol          = "HTTP"
              dynamic "default_action" {
                for_each = var.actions
                content {
                  type = default_action.value
                }
              }
            }
            """,
            ("RedirectsToHttps", "false (Unresolved)")),
        new("load balancer, everything omitted", typeof(LoadBalancer),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            """,
            """
            resource "aws_lb" "lb" {}
            """,
            ("Type", "application (Defaulted)"), ("Scheme", "internet-facing (Defaulted)")),
        new("load balancer, internal network load balancer", typeof(LoadBalancer),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Scheme: internal
            """,
            """
            resource "aws_lb" "lb" {
              load_balancer_type = "network"
              internal           = true
            }
            """,
            ("Type", "network (Explicit)"), ("Scheme", "internal (Explicit)")),
        new("security group, HTTPS open to the internet", typeof(SecurityGroup),
            """
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
                      Description: https
            """,
            """
            resource "aws_security_group" "web" {
              description = "web"
              ingress {
                protocol    = "tcp"
                from_port   = 443
                to_port     = 443
                cidr_blocks = ["0.0.0.0/0"]
                description = "https"
              }
            }
            """,
            ("Rules.Count", "1"), ("Rules[0].CidrIpv4", "0.0.0.0/0 (Explicit)"), ("Rules[0].FromPort", "443 (Explicit)")),
        new("standalone ingress rule from another security group", typeof(SecurityGroupRule),
            """
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
              Lb:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: lb
              FromLb:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: !Ref Web
                  IpProtocol: tcp
                  FromPort: 8080
                  ToPort: 8080
                  SourceSecurityGroupId: !Ref Lb
            """,
            """
            resource "aws_security_group" "web" { description = "web" }
            resource "aws_security_group" "lb" { description = "lb" }
            resource "aws_vpc_security_group_ingress_rule" "from_lb" {
              security_group_id            = aws_security_group.web.id
              ip_protocol                  = "tcp"
              from_port                    = 8080
              to_port                      = 8080
              referenced_security_group_id = aws_security_group.lb.id
            }
            """,
            ("Peer", "null (Unresolved, linked)"), ("Group", "null (Unresolved, linked)"), ("CidrIpv4", "null (Defaulted)")),
        new("ECR repository, everything omitted", typeof(EcrRepository),
            """
            Resources:
              Repo:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryName: app
            """,
            """
            resource "aws_ecr_repository" "repo" {
              name = "app"
            }
            """,
            ("ScanOnPush", "false (Defaulted)"), ("TagMutability", "MUTABLE (Defaulted)"), ("EncryptionType", "AES256 (Defaulted)"), ("HasLifecyclePolicy", "false (Defaulted)")),
        new("ECR repository, scanning, immutable tags, KMS, lifecycle policy", typeof(EcrRepository),
            """
            Resources:
              Repo:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryName: app
                  ImageScanningConfiguration:
                    ScanOnPush: true
                  ImageTagMutability: IMMUTABLE
                  EncryptionConfiguration:
                    EncryptionType: KMS
                  LifecyclePolicy:
                    LifecyclePolicyText: '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}'
            """,
            """
            resource "aws_ecr_repository" "repo" {
              name                 = "app"
              image_tag_mutability = "IMMUTABLE"
              image_scanning_configuration {
                scan_on_push = true
              }
              encryption_configuration {
                encryption_type = "KMS"
              }
            }
            resource "aws_ecr_lifecycle_policy" "repo" {
              repository = aws_ecr_repository.repo.name
              policy     = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }, action = { type = "expire" } }] })
            }
            """,
            ("ScanOnPush", "true (Explicit)"), ("TagMutability", "IMMUTABLE (Explicit)"), ("EncryptionType", "KMS (Explicit)"), ("HasLifecyclePolicy", "true (Explicit)")),
        new("log group, retention omitted", typeof(LogGroup),
            """
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /ecs/app
            """,
            """
            resource "aws_cloudwatch_log_group" "logs" {
              name = "/ecs/app"
            }
            """,
            ("RetentionInDays", "null (Defaulted)"), ("KmsKey", "null (Defaulted)")),
        new("log group, 30 days and a key from an unresolved input", typeof(LogGroup),
            """
            Parameters:
              Key:
                Type: String
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /ecs/app
                  RetentionInDays: 30
                  KmsKeyId: !Ref Key
            """,
            """
            variable "key" { type = string }
            resource "aws_cloudwatch_log_group" "logs" {
              name              = "/ecs/app"
              retention_in_days = 30
              kms_key_id        = var.key
            }
            """,
            ("RetentionInDays", "30 (Explicit)"), ("KmsKey", "null (Unresolved)")),
        new("trail, logging, single region", typeof(Trail),
            """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-logs
            """,
            """
            resource "aws_cloudtrail" "trail" {
              name           = "trail"
              s3_bucket_name = "audit-logs"
              enable_logging = true
            }
            """,
            ("IsLogging", "true (Explicit)"), ("MultiRegion", "false (Defaulted)"), ("LogFileValidation", "false (Defaulted)")),
        new("trail, multi-region with validation and a key", typeof(Trail),
            """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-logs
                  IsMultiRegionTrail: true
                  EnableLogFileValidation: true
                  KMSKeyId: alias/audit
            """,
            """
            resource "aws_cloudtrail" "trail" {
              name                       = "trail"
              s3_bucket_name             = "audit-logs"
              enable_logging             = true
              is_multi_region_trail      = true
              enable_log_file_validation = true
              kms_key_id                 = "alias/audit"
            }
            """,
            ("MultiRegion", "true (Explicit)"), ("KmsKey", "alias/audit (Explicit)")),
        new("trail with an SNS topic, logging omitted in Terraform", typeof(Trail),
            """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: false
                  S3BucketName: audit-logs
                  SnsTopicName: trail-deliveries
            """,
            """
            resource "aws_cloudtrail" "trail" {
              name           = "trail"
              s3_bucket_name = "audit-logs"
              enable_logging = false
              sns_topic_name = "trail-deliveries"
            }
            """,
            ("IsLogging", "false (Explicit)"), ("SnsTopic", "trail-deliveries (Explicit)")),
        new("event data store, key omitted", typeof(EventDataStore),
            """
            Resources:
              Store:
                Type: AWS::CloudTrail::EventDataStore
                Properties:
                  Name: audit
            """,
            """
            resource "aws_cloudtrail_event_data_store" "store" {
              name = "audit"
            }
            """,
            ("KmsKey", "null (Defaulted)")),
        new("event data store with a key", typeof(EventDataStore),
            """
            Resources:
              Store:
                Type: AWS::CloudTrail::EventDataStore
                Properties:
                  Name: audit
                  KmsKeyId: alias/audit
            """,
            """
            resource "aws_cloudtrail_event_data_store" "store" {
              name       = "audit"
              kms_key_id = "alias/audit"
            }
            """,
            ("KmsKey", "alias/audit (Explicit)")),
        new("log destination policy", typeof(LogDestination),
            """
            Resources:
              Destination:
                Type: AWS::Logs::Destination
                Properties:
                  DestinationName: central
                  RoleArn: arn:aws:iam::111122223333:role/logs
                  TargetArn: arn:aws:kinesis:us-east-1:111122223333:stream/central
                  DestinationPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"logs:PutSubscriptionFilter","Resource":"*"}]}'
            """,
            """
            resource "aws_cloudwatch_log_destination_policy" "central" {
              destination_name = "central"
              access_policy    = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"444455556666\"},\"Action\":\"logs:PutSubscriptionFilter\",\"Resource\":\"*\"}]}"
            }
            """,
            ("AccessPolicy", "1 statement(s)")),
        new("alarm with actions disabled", typeof(Alarm),
            """
            Resources:
              Quiet:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: App
                  Statistic: Sum
                  Period: 300
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  ActionsEnabled: false
            """,
            """
            resource "aws_cloudwatch_metric_alarm" "quiet" {
              alarm_name          = "quiet"
              metric_name         = "Errors"
              namespace           = "App"
              statistic           = "Sum"
              period              = 300
              evaluation_periods  = 1
              threshold           = 1
              comparison_operator = "GreaterThanOrEqualToThreshold"
              actions_enabled     = false
            }
            """,
            ("ActionsEnabled", "false (Explicit)")),
        new("EFS access point, root and user omitted", typeof(EfsAccessPoint),
            """
            Resources:
              Point:
                Type: AWS::EFS::AccessPoint
                Properties:
                  FileSystemId: fs-12345678
            """,
            """
            resource "aws_efs_access_point" "point" {
              file_system_id = "fs-12345678"
            }
            """,
            ("RootDirectory", "/ (Defaulted)"), ("PosixUserDeclared", "false (Defaulted)")),
        new("EFS access point with a directory and a user", typeof(EfsAccessPoint),
            """
            Resources:
              Point:
                Type: AWS::EFS::AccessPoint
                Properties:
                  FileSystemId: fs-12345678
                  PosixUser:
                    Uid: "1000"
                    Gid: "1000"
                  RootDirectory:
                    Path: /app
            """,
            """
            resource "aws_efs_access_point" "point" {
              file_system_id = "fs-12345678"
              posix_user {
                uid = 1000
                gid = 1000
              }
              root_directory {
                path = "/app"
              }
            }
            """,
            ("RootDirectory", "/app (Explicit)"), ("PosixUserDeclared", "true (Explicit)")),
        new("rotation schedule with an expression", typeof(SecretRotation),
            """
            Resources:
              Rotation:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: arn:aws:secretsmanager:us-east-1:111122223333:secret:db
                  RotationLambdaARN: arn:aws:lambda:us-east-1:111122223333:function:rotate
                  RotationRules:
                    ScheduleExpression: rate(30 days)
            """,
            """
            resource "aws_secretsmanager_secret_rotation" "rotation" {
              secret_id           = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db"
              rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
              rotation_rules {
                schedule_expression = "rate(30 days)"
              }
            }
            """,
            ("ScheduleExpression", "rate(30 days) (Explicit)"), ("AutomaticallyAfterDays", "null (Defaulted)")),
        new("KMS key, disabled, no policy", typeof(KmsKey),
            """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  Enabled: false
            """,
            """
            resource "aws_kms_key" "key" {
              is_enabled = false
            }
            """,
            ("Enabled", "false (Explicit)"), ("KeyPolicyDeclared", "false (Defaulted)")),
        new("metric filter", typeof(MetricFilter),
            """
            Resources:
              RootUseFilter:
                Type: AWS::Logs::MetricFilter
                Properties:
                  LogGroupName: trail-logs
                  FilterPattern: '{ $.userIdentity.type = "Root" }'
                  MetricTransformations:
                    - MetricName: RootUse
                      MetricNamespace: Audit
                      MetricValue: "1"
            """,
            """
            resource "aws_cloudwatch_log_metric_filter" "root_use" {
              name           = "root-use"
              log_group_name = "trail-logs"
              pattern        = "{ $.userIdentity.type = \"Root\" }"
              metric_transformation {
                name      = "RootUse"
                namespace = "Audit"
                value     = "1"
              }
            }
            """,
            ("MetricName", "RootUse (Explicit)"), ("MetricNamespace", "Audit (Explicit)")),
        new("alarm with an action", typeof(Alarm),
            """
            Resources:
              RootUseAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: RootUse
                  Namespace: Audit
                  Statistic: Sum
                  Period: 300
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions:
                    - arn:aws:sns:us-east-1:111122223333:security
            """,
            """
            resource "aws_cloudwatch_metric_alarm" "root_use" {
              alarm_name          = "root-use"
              metric_name         = "RootUse"
              namespace           = "Audit"
              statistic           = "Sum"
              period              = 300
              evaluation_periods  = 1
              threshold           = 1
              comparison_operator = "GreaterThanOrEqualToThreshold"
              alarm_actions       = ["arn:aws:sns:us-east-1:111122223333:security"]
            }
            """,
            ("AlarmActions.Count", "1"), ("MetricName", "RootUse (Explicit)"), ("ActionsEnabled", "true (Defaulted)")),
        new("EKS cluster, endpoint settings omitted, two log types", typeof(EksCluster),
            """
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  Version: "1.33"
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-a, subnet-b]
                  Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: api
                        - Type: audit
            """,
            """
            resource "aws_eks_cluster" "cluster" {
              name     = "cluster"
              role_arn = "arn:aws:iam::111122223333:role/eks"
              version  = "1.33"
              vpc_config {
                subnet_ids = ["subnet-a", "subnet-b"]
              }
              enabled_cluster_log_types = ["api", "audit"]
            }
            """,
            ("EndpointPublicAccess", "true (Defaulted)"), ("EndpointPrivateAccess", "false (Defaulted)"), ("EnabledLogTypes.Count", "2"), ("SecretsEncrypted", "false (Defaulted)"), ("Version", "1.33 (Explicit)")),
        new("EKS node group with an SSH key and no source groups", typeof(EksNodeGroup),
            """
            Resources:
              Nodes:
                Type: AWS::EKS::Nodegroup
                Properties:
                  ClusterName: cluster
                  NodeRole: arn:aws:iam::111122223333:role/nodes
                  Subnets: [subnet-a]
                  RemoteAccess:
                    Ec2SshKey: ops
            """,
            """
            resource "aws_eks_node_group" "nodes" {
              cluster_name  = "cluster"
              node_role_arn = "arn:aws:iam::111122223333:role/nodes"
              subnet_ids    = ["subnet-a"]
              scaling_config {
                desired_size = 1
                max_size     = 1
                min_size     = 1
              }
              remote_access {
                ec2_ssh_key = "ops"
              }
            }
            """,
            ("SshKey", "ops (Explicit)"), ("SshSourceSecurityGroups.Count", "0"), ("RemoteAccessDeclared", "true (Explicit)")),
        new("EFS, encryption omitted", typeof(EfsFileSystem),
            """
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
            """,
            """
            resource "aws_efs_file_system" "files" {}
            """,
            ("Encrypted", "false (Defaulted)")),
        new("EFS, encryption from an unresolved input", typeof(EfsFileSystem),
            """
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: !Ref Encrypt
            """,
            """
            variable "encrypt" { type = bool }
            resource "aws_efs_file_system" "files" {
              encrypted = var.encrypt
            }
            """,
            ("Encrypted", "false (Unresolved)")),
        new("KMS key, spec and rotation omitted", typeof(KmsKey),
            """
            Resources:
              Key:
                Type: AWS::KMS::Key
            """,
            """
            resource "aws_kms_key" "key" {}
            """,
            ("KeySpec", "SYMMETRIC_DEFAULT (Defaulted)"), ("RotationEnabled", "false (Defaulted)")),
        new("KMS key, rotation on", typeof(KmsKey),
            """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: true
                  KeySpec: SYMMETRIC_DEFAULT
            """,
            """
            resource "aws_kms_key" "key" {
              enable_key_rotation      = true
              customer_master_key_spec = "SYMMETRIC_DEFAULT"
            }
            """,
            ("KeySpec", "SYMMETRIC_DEFAULT (Explicit)"), ("RotationEnabled", "true (Explicit)")),
        new("IAM role with a trust policy and a managed policy", typeof(IamRole),
            """
            Resources:
              Task:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: task
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: ecs-tasks.amazonaws.com
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/ReadOnlyAccess
            """,
            """
            resource "aws_iam_role" "task" {
              name = "task"
              assume_role_policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { Service = "ecs-tasks.amazonaws.com" }
                  Action    = "sts:AssumeRole"
                }]
              })
            }
            resource "aws_iam_role_policy_attachment" "task" {
              role       = aws_iam_role.task.name
              policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
            }
            """,
            ("TrustPolicy", "1 statement(s)"), ("ManagedPolicies[0]", "arn:aws:iam::aws:policy/ReadOnlyAccess (Explicit)")),
        new("inline policy attached to a role", typeof(IamPolicy),
            """
            Resources:
              Task:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: ecs-tasks.amazonaws.com
                        Action: sts:AssumeRole
              Read:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Roles: [task]
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::assets/*
            """,
            """
            resource "aws_iam_role" "task" {
              assume_role_policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
              })
            }
            resource "aws_iam_role_policy" "read" {
              name = "read"
              role = "task"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::assets/*" }]
              })
            }
            """,
            ("Managed", "False"), ("Document", "1 statement(s)"), ("Roles[0]", "task (Explicit)")),
        new("IAM user", typeof(IamPrincipal),
            """
            Resources:
              Deploy:
                Type: AWS::IAM::User
            """,
            """
            resource "aws_iam_user" "deploy" {
              name = "deploy"
            }
            """,
            ("PrincipalType", "User"), ("ManagedPolicies.Count", "0")),
        new("IAM access key, status omitted", typeof(IamAccessKey),
            """
            Resources:
              Key:
                Type: AWS::IAM::AccessKey
                Properties:
                  UserName: deploy
            """,
            """
            resource "aws_iam_access_key" "key" {
              user = "deploy"
            }
            """,
            ("Status", "Active (Defaulted)")),
        new("ECS service on Fargate with a public IP", typeof(EcsService),
            """
            Resources:
              Service:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: main
                  TaskDefinition: web:3
                  LaunchType: FARGATE
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: ENABLED
                      Subnets: [subnet-a]
                      SecurityGroups: [sg-0123456789abcdef0]
                  LoadBalancers:
                    - ContainerName: web
                      ContainerPort: 8080
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef
            """,
            """
            resource "aws_ecs_service" "service" {
              name            = "service"
              cluster         = "main"
              task_definition = "web:3"
              launch_type     = "FARGATE"
              network_configuration {
                assign_public_ip = true
                subnets          = ["subnet-a"]
                security_groups  = ["sg-0123456789abcdef0"]
              }
              load_balancer {
                container_name   = "web"
                container_port   = 8080
                target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
              }
            }
            """,
            ("AssignPublicIp", "true (Explicit)"), ("PlatformVersion", "LATEST (Defaulted)"), ("EnableExecuteCommand", "false (Defaulted)"), ("LoadBalancers[0].ContainerPort", "8080 (Explicit)")),
        new("ECS service, network settings omitted", typeof(EcsService),
            """
            Resources:
              Service:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: main
                  TaskDefinition: web:3
            """,
            """
            resource "aws_ecs_service" "service" {
              name            = "service"
              cluster         = "main"
              task_definition = "web:3"
            }
            """,
            ("AssignPublicIp", "false (Defaulted)"), ("LaunchType", "null (Defaulted)")),
        new("ECS cluster, Container Insights on, exec logging omitted", typeof(EcsCluster),
            """
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterSettings:
                    - Name: containerInsights
                      Value: enabled
            """,
            """
            resource "aws_ecs_cluster" "cluster" {
              name = "cluster"
              setting {
                name  = "containerInsights"
                value = "enabled"
              }
            }
            """,
            ("ContainerInsights", "enabled (Explicit)"), ("ExecuteCommandLogging", "DEFAULT (Defaulted)")),
        new("load balancer, attributes set", typeof(LoadBalancer),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  LoadBalancerAttributes:
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: "true"
                    - Key: routing.http.desync_mitigation_mode
                      Value: strictest
                    - Key: access_logs.s3.enabled
                      Value: "true"
                    - Key: deletion_protection.enabled
                      Value: "false"
            """,
            """
            resource "aws_lb" "lb" {
              drop_invalid_header_fields = true
              desync_mitigation_mode     = "strictest"
              enable_deletion_protection = false
              access_logs {
                bucket  = "logs"
                enabled = true
              }
            }
            """,
            ("DropInvalidHeaderFields", "true (Explicit)"), ("DesyncMitigationMode", "strictest (Explicit)"), ("AccessLogs", "true (Explicit)"),
            ("DeletionProtection", "false (Explicit)")),
        new("load balancer, attributes omitted", typeof(LoadBalancer),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: application
            """,
            """
            resource "aws_lb" "lb" {
              load_balancer_type = "application"
            }
            """,
            ("DropInvalidHeaderFields", "false (Defaulted)"), ("DesyncMitigationMode", "defensive (Defaulted)"), ("AccessLogs", "false (Defaulted)"),
            ("DeletionProtection", "false (Defaulted)")),
        new("classic load balancer, HTTPS to HTTP instances, no access logs", typeof(ClassicLoadBalancer),
            """
            Resources:
              Elb:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "8080"
                      Protocol: HTTPS
                      InstanceProtocol: http
                      SSLCertificateId: arn:aws:acm:us-east-1:111122223333:certificate/abc
                  CrossZone: true
            """,
            """
            resource "aws_elb" "elb" {
              cross_zone_load_balancing = true
              listener {
                lb_port            = 443
                instance_port      = 8080
                lb_protocol        = "https"
                instance_protocol  = "http"
                ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
              }
            }
            """,
            ("Listeners.Count", "1"), ("Listeners[0].Protocol", "HTTPS (Explicit)"), ("Listeners[0].InstanceProtocol", "HTTP (Explicit)"),
            ("AccessLogs", "false (Defaulted)"), ("Scheme", "internet-facing (Defaulted)")),
        new("classic load balancer, access logs on", typeof(ClassicLoadBalancer),
            """
            Resources:
              Elb:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AccessLoggingPolicy:
                    Enabled: true
                    S3BucketName: logs
                  CrossZone: false
            """,
            """
            resource "aws_elb" "elb" {
              cross_zone_load_balancing = false
              access_logs {
                bucket  = "logs"
                enabled = true
              }
            }
            """,
            ("AccessLogs", "true (Explicit)"), ("CrossZone", "false (Explicit)")),
        new("network load balancer, cross-zone omitted", typeof(LoadBalancer),
            """
            Resources:
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
            """,
            """
            resource "aws_lb" "lb" {
              load_balancer_type = "network"
            }
            """,
            ("CrossZone", "false (Defaulted)")),
        new("launch template, IMDSv2 required, hop limit 2", typeof(Ec2InstanceConfiguration),
            """
            Resources:
              Hosts:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    MetadataOptions:
                      HttpTokens: required
                      HttpPutResponseHopLimit: 2
                    UserData: IyEvYmluL2Jhc2gKZWNobyBoaQo=
            """,
            """
            resource "aws_launch_template" "hosts" {
              metadata_options {
                http_tokens                 = "required"
                http_put_response_hop_limit = 2
              }
              user_data = "IyEvYmluL2Jhc2gKZWNobyBoaQo="
            }
            """,
            ("HttpTokens", "required (Explicit)"), ("HopLimit", "2 (Explicit)"), ("HttpEndpoint", "enabled (Defaulted)"),
            ("UserData", "#!/bin/bash\necho hi\n (Explicit)")),
        new("launch template, metadata options omitted", typeof(Ec2InstanceConfiguration),
            """
            Resources:
              Hosts:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    InstanceType: t3.micro
            """,
            """
            resource "aws_launch_template" "hosts" {
              instance_type = "t3.micro"
            }
            """,
            ("HttpTokens", "optional (Defaulted)"), ("HopLimit", "1 (Defaulted)"), ("UserData", "null (Defaulted)")),
        new("ECS service with a legacy role and no tasks", typeof(EcsService),
            """
            Resources:
              Service:
                Type: AWS::ECS::Service
                Properties:
                  TaskDefinition: web:3
                  Role: ecsServiceRole
                  DesiredCount: 0
            """,
            """
            resource "aws_ecs_service" "service" {
              name            = "service"
              task_definition = "web:3"
              iam_role        = "ecsServiceRole"
              desired_count   = 0
            }
            """,
            ("Role", "ecsServiceRole (Explicit)"), ("DesiredCount", "0 (Explicit)")),
        new("ECS cluster, exec with a key and encrypted override logs", typeof(EcsCluster),
            """
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  Configuration:
                    ExecuteCommandConfiguration:
                      KmsKeyId: alias/exec
                      Logging: OVERRIDE
                      LogConfiguration:
                        CloudWatchEncryptionEnabled: true
                        CloudWatchLogGroupName: /ecs/exec
            """,
            """
            resource "aws_ecs_cluster" "cluster" {
              name = "cluster"
              configuration {
                execute_command_configuration {
                  kms_key_id = "alias/exec"
                  logging    = "OVERRIDE"
                  log_configuration {
                    cloud_watch_encryption_enabled = true
                    cloud_watch_log_group_name     = "/ecs/exec"
                  }
                }
              }
            }
            """,
            ("ExecuteCommandConfigured", "true (Explicit)"), ("ExecuteCommandLogsEncrypted", "true (Explicit)"), ("ExecuteCommandLogging", "OVERRIDE (Explicit)")),
        new("ECS capacity provider, protections omitted", typeof(EcsCapacityProvider),
            """
            Resources:
              Provider:
                Type: AWS::ECS::CapacityProvider
                Properties:
                  AutoScalingGroupProvider:
                    AutoScalingGroupArn: arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:0:autoScalingGroupName/hosts
            """,
            """
            resource "aws_ecs_capacity_provider" "provider" {
              name = "provider"
              auto_scaling_group_provider {
                auto_scaling_group_arn = "arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:0:autoScalingGroupName/hosts"
              }
            }
            """,
            ("ManagedTerminationProtection", "DISABLED (Defaulted)"), ("ManagedScaling", "DISABLED (Defaulted)")),
        new("EKS Pod Identity association", typeof(EksPodIdentityAssociation),
            """
            Resources:
              Association:
                Type: AWS::EKS::PodIdentityAssociation
                Properties:
                  ClusterName: prod
                  Namespace: finance
                  ServiceAccount: reports
                  RoleArn: arn:aws:iam::111122223333:role/reports
            """,
            """
            resource "aws_eks_pod_identity_association" "association" {
              cluster_name    = "prod"
              namespace       = "finance"
              service_account = "reports"
              role_arn        = "arn:aws:iam::111122223333:role/reports"
            }
            """,
            ("ClusterName", "prod (Explicit)"), ("Namespace", "finance (Explicit)"), ("ServiceAccount", "reports (Explicit)"),
            ("RoleArn", "arn:aws:iam::111122223333:role/reports (Explicit)")),
        new("SNS topic with a key", typeof(SnsTopic),
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: alias/aws/sns
            """,
            """
            resource "aws_sns_topic" "topic" {
              kms_master_key_id = "alias/aws/sns"
            }
            """,
            ("KmsKey", "alias/aws/sns (Explicit)")),
        new("secret with a rotation schedule", typeof(SecretsManagerSecret),
            """
            Resources:
              Secret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: db
              Rotation:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: !Ref Secret
                  RotationLambdaARN: arn:aws:lambda:us-east-1:111122223333:function:rotate
                  RotationRules:
                    AutomaticallyAfterDays: 30
            """,
            """
            resource "aws_secretsmanager_secret" "secret" {
              name = "db"
            }
            resource "aws_secretsmanager_secret_rotation" "rotation" {
              secret_id           = aws_secretsmanager_secret.secret.id
              rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
              rotation_rules {
                automatically_after_days = 30
              }
            }
            """,
            ("Rotated", "true (Explicit)"), ("KmsKey", "null (Defaulted)")),
        new("SSM parameter", typeof(SsmParameter),
            """
            Resources:
              Param:
                Type: AWS::SSM::Parameter
                Properties:
                  Name: /app/mode
                  Type: String
                  Value: blue
            """,
            """
            resource "aws_ssm_parameter" "param" {
              name  = "/app/mode"
              type  = "String"
              value = "blue"
            }
            """,
            ("Type", "String (Explicit)"), ("ParameterValue", "blue (Explicit)")),
    ];
}
