using Shipshape.Rules.Secrets;

namespace Shipshape.Tests.Rules.Secrets;

/// <summary>Secrets Manager schedule expressions (Rotation schedules: rate and cron expressions).</summary>
public sealed class RotationIntervalRuleTests
{
    [Theory]
    [InlineData("rate(30 days)", 30.0)]
    [InlineData("rate(1 day)", 1.0)]
    [InlineData("rate(4 hours)", 4.0 / 24)]
    [InlineData("cron(0 12 * * ? *)", 31.0)]
    [InlineData("cron(0 16 1 1,7 ? *)", 6 * 31.0)]
    [InlineData("cron(0 16 1 JAN,APR,JUL,OCT ? *)", 3 * 31.0)]
    [InlineData("cron(0 16 1 */2 ? *)", 2 * 31.0)]
    [InlineData("cron(0 16 1 3 ? *)", 12 * 31.0)]
    public void IntervalDays_Expression_LongestGap(string expression, double days) =>
        Assert.Equal(days, RotationIntervalRule.IntervalDays(expression)!.Value, 3);

    [Theory]
    [InlineData("rate(2 weeks)")]
    [InlineData("cron(0 16 1 13 ? *)")]
    [InlineData("cron(0 16 1 *)")]
    [InlineData("every month")]
    public void IntervalDays_NotUnderstood_Null(string expression) => Assert.Null(RotationIntervalRule.IntervalDays(expression));
}
