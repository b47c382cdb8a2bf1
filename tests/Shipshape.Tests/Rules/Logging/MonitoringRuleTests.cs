using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Rules.Logging;
using Shipshape.Tests.Support;
using static Shipshape.Tests.Rules.InfraBuilder;

namespace Shipshape.Tests.Rules.Logging;

/// <summary>The CIS monitoring chain (filter, alarm, SNS) and the CloudTrail and CloudWatch settings rules.</summary>
public sealed class MonitoringRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static IReadOnlyList<RuleHit> Chain(string ruleId, string pattern, bool actionsEnabled = true) =>
        Run(MonitoringAlarmRule.For(ruleId), Trail(), MetricFilter("Filter", pattern, "Watched"),
            Alarm("Alarm", "Watched", Link(string.Empty, "AlarmTopic", 44, "Properties.AlarmActions[0]")) with
            {
                ActionsEnabled = Explicit(actionsEnabled, 45, "Properties.ActionsEnabled"),
            },
            Topic());

    [Theory]
    [InlineData("SHP-LOG-040", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }")]
    [InlineData("SHP-LOG-040", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }")]
    [InlineData("SHP-LOG-041", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }")]
    [InlineData("SHP-LOG-043", "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }")]
    [InlineData("SHP-LOG-043", "{ $.eventSource = cloudtrail.amazonaws.com }")]
    [InlineData("SHP-LOG-044", "{($.eventSource=kms.amazonaws.com)&&(($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}")]
    [InlineData("SHP-LOG-044", "{ $.eventName IN [\"DisableKey\", \"ScheduleKeyDeletion\"] }")]
    [InlineData("SHP-LOG-051", "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) }")]
    [InlineData("SHP-LOG-016", "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") && ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }")]
    public void MonitoringAlarm_PatternWithTheActivitysMeaning_NoHit(string ruleId, string pattern) =>
        Assert.Empty(Chain(ruleId, pattern));

    [Theory]
    [InlineData("SHP-LOG-040", "{ ($.eventName = \"ConsoleLogin\") && ($.errorMessage = \"Failed authentication\") }")]
    [InlineData("SHP-LOG-041", "{ ($.userIdentity.type = \"Root\") && ($.eventName = \"ConsoleLogin\") }")]
    [InlineData("SHP-LOG-043", "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }")]
    [InlineData("SHP-LOG-044", "{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }")]
    [InlineData("SHP-LOG-045", "{ ($.eventSource = s3.amazonaws.com) && ($.eventName = PutBucketPolicy) }")]
    [InlineData("SHP-LOG-050", "{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) }")]
    public void MonitoringAlarm_PatternMissingPartOfTheActivity_HitOnTrail(string ruleId, string pattern)
    {
        var hit = Assert.Single(Chain(ruleId, pattern));
        Assert.Equal("Properties.CloudWatchLogsLogGroupArn", hit.PropertyPath);
    }

    [Fact]
    public void MonitoringAlarm_ActivitySplitOverTwoAlarmedFilters_NoHit()
    {
        var topic = Link(string.Empty, "AlarmTopic", 44, "Properties.AlarmActions[0]");
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-044"), Trail(),
            MetricFilter("Disable", "{ $.eventName = DisableKey }", "Disable"), Alarm("DisableAlarm", "Disable", topic),
            MetricFilter("Delete", "{ $.eventName = ScheduleKeyDeletion }", "Delete"), Alarm("DeleteAlarm", "Delete", topic),
            Topic()));
        // Only one of them alarms: deletions go unwatched.
        Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-044"), Trail(),
            MetricFilter("Disable", "{ $.eventName = DisableKey }", "Disable"), Alarm("DisableAlarm", "Disable", topic),
            MetricFilter("Delete", "{ $.eventName = ScheduleKeyDeletion }", "Delete"),
            Topic()));
    }

    [Fact]
    public void MonitoringAlarm_AlarmWithActionsDisabled_Hit() =>
        Assert.Single(Chain("SHP-LOG-043", "{ $.eventSource = cloudtrail.amazonaws.com }", actionsEnabled: false));

    [Fact]
    public void MonitoringAlarm_UnreadablePattern_NoHit() =>
        Assert.Empty(Chain("SHP-LOG-043", "{ $.eventSource = cloudtrail.amazonaws.com && }"));

    [Fact]
    public void MonitoringAlarms_EveryIdHasMetadataAndOneRule()
    {
        var ids = MonitoringAlarmRule.All().Select(r => r.Id).ToList();
        Assert.Equal(15, ids.Count);
        Assert.All(ids, id => Assert.True(Catalog.TryGet(id, out _), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TrailRules_TerraformTrail_HitsOnTheLineOfTheValueWithTerraformNames()
    {
        const string main = """
            resource "aws_cloudtrail" "main" {
              name           = "main"
              s3_bucket_name = "audit"
              enable_logging = false
            }

            resource "aws_cloudwatch_log_group" "app" {
              retention_in_days = 90
            }

            resource "aws_cloudwatch_metric_alarm" "quiet" {
              alarm_name          = "quiet"
              metric_name         = "Errors"
              namespace           = "App"
              statistic           = "Sum"
              period              = 60
              evaluation_periods  = 1
              threshold           = 1
              comparison_operator = "GreaterThanOrEqualToThreshold"
              actions_enabled     = false
            }

            resource "aws_cloudtrail_event_data_store" "lake" {
              name       = "lake"
              kms_key_id = ""
            }
            """;
        using var tree = new TempTree();
        tree.Write("main.tf", main);
        var findings = new Scanner(Catalog).Scan(new ScanOptions
        {
            Paths = [tree.Root],
            OnlyRules = ["SHP-LOG-020", "SHP-LOG-021", "SHP-LOG-022", "SHP-LOG-023", "SHP-LOG-024"],
        }).Findings;

        Assert.Equal(
            [
                ("SHP-LOG-021", 1, "CloudTrail trail 'aws_cloudtrail.main' names no SNS topic (sns_topic_name), so nobody is notified of log file deliveries."),
                ("SHP-LOG-020", 4, "CloudTrail trail 'aws_cloudtrail.main' does not log events (enable_logging is false)."),
                ("SHP-LOG-024", 8, "Log group 'aws_cloudwatch_log_group.app' keeps its events for 90 days (retention_in_days), less than a year."),
                ("SHP-LOG-023", 20, "CloudWatch alarm 'aws_cloudwatch_metric_alarm.quiet' does not run its actions (actions_enabled is false)."),
                ("SHP-LOG-022", 25, "CloudTrail event data store 'aws_cloudtrail_event_data_store.lake' has no customer managed KMS key (kms_key_id)."),
            ],
            findings.Select(f => (f.RuleId, f.Location.StartLine, f.Message)).OrderBy(f => f.StartLine));
    }

    [Fact]
    public void LogGroupRetentionUnderYear_NeverExpiresOrAYear_NoHit()
    {
        Assert.Empty(Run(new LogGroupRetentionUnderYearRule(), LogGroup()));
        Assert.Empty(Run(new LogGroupRetentionUnderYearRule(), LogGroup() with { RetentionInDays = Explicit<int?>(365, 6, "Properties.RetentionInDays") }));
        Assert.Single(Run(new LogGroupRetentionUnderYearRule(), LogGroup() with { RetentionInDays = Explicit<int?>(180, 6, "Properties.RetentionInDays") }));
    }
}
