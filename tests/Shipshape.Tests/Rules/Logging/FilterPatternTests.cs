using System.Collections.Immutable;
using Shipshape.Rules.Logging;

namespace Shipshape.Tests.Rules.Logging;

/// <summary>CloudWatch Logs filter patterns, written from "Filter pattern syntax for metric filters" (JSON and term patterns).</summary>
public sealed class FilterPatternTests
{
    private static ImmutableDictionary<string, string> Event(params (string Key, string Value)[] fields) =>
        fields.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static bool Matches(string pattern, params (string Key, string Value)[] fields) =>
        FilterPattern.Parse(pattern)!.Matches(Event(fields));

    [Fact]
    public void Matches_OrOfEventNames_AnyNameWithOrWithoutQuotesOrSpacing()
    {
        const string pattern = "{($.eventName=CreateTrail)||($.eventName = \"UpdateTrail\") || ($.eventName = DeleteTrail)}";
        Assert.True(Matches(pattern, ("eventName", "CreateTrail")));
        Assert.True(Matches(pattern, ("eventName", "UpdateTrail")));
        Assert.False(Matches(pattern, ("eventName", "StopLogging")));
        Assert.False(Matches(pattern, ("eventSource", "cloudtrail.amazonaws.com")));
    }

    [Fact]
    public void Matches_AndBindsTighterThanOr()
    {
        // a || b && c is a || (b && c).
        const string pattern = "{ $.a = 1 || $.b = 2 && $.c = 3 }";
        Assert.True(Matches(pattern, ("a", "1")));
        Assert.False(Matches(pattern, ("b", "2")));
        Assert.True(Matches(pattern, ("b", "2"), ("c", "3")));
        Assert.False(Matches("{ ($.a = 1 || $.b = 2) && $.c = 3 }", ("a", "1")));
    }

    [Fact]
    public void Matches_WildcardsNotExistsAndNotEqual()
    {
        Assert.True(Matches("{ $.errorCode = \"*UnauthorizedOperation\" }", ("errorCode", "Client.UnauthorizedOperation")));
        Assert.True(Matches("{ $.errorCode = \"AccessDenied*\" }", ("errorCode", "AccessDeniedException")));
        Assert.False(Matches("{ $.errorCode = \"AccessDenied*\" }", ("errorCode", "ThrottlingException")));
        const string root = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
        Assert.True(Matches(root, ("userIdentity.type", "Root"), ("eventType", "AwsApiCall")));
        Assert.False(Matches(root, ("userIdentity.type", "Root"), ("eventType", "AwsServiceEvent")));
        Assert.False(Matches(root, ("userIdentity.type", "Root"), ("userIdentity.invokedBy", "s3.amazonaws.com"), ("eventType", "AwsApiCall")));
    }

    [Fact]
    public void Matches_InListRegexAndNumbers()
    {
        Assert.True(Matches("{ $.eventName IN [\"DisableKey\", \"ScheduleKeyDeletion\"] }", ("eventName", "ScheduleKeyDeletion")));
        Assert.False(Matches("{ $.eventName NOT IN [DisableKey] }", ("eventName", "DisableKey")));
        Assert.True(Matches("{ $.eventName = %^(Disable|Schedule)Key% }", ("eventName", "DisableKey")));
        Assert.True(Matches("{ $.latency >= 100 }", ("latency", "250")));
        Assert.False(Matches("{ $.latency < 100 }", ("latency", "250")));
    }

    [Fact]
    public void Matches_TermPatterns_AllTermsOptionalTermsAndExclusions()
    {
        Assert.True(Matches("ConsoleLogin \"Failed authentication\"", ("eventName", "ConsoleLogin"), ("errorMessage", "Failed authentication")));
        Assert.False(Matches("ConsoleLogin \"Failed authentication\"", ("eventName", "ConsoleLogin")));
        Assert.True(Matches("?AccessDenied ?UnauthorizedOperation", ("errorCode", "Client.UnauthorizedOperation")));
        Assert.False(Matches("ConsoleLogin -Success", ("eventName", "ConsoleLogin"), ("responseElements.ConsoleLogin", "Success")));
    }

    [Theory]
    [InlineData("{ $.eventName = }")]
    [InlineData("{ ($.eventName = A }")]
    [InlineData("{ $.eventName = A) }")]
    [InlineData("{ $.eventName = A && }")]
    [InlineData("{ eventName = A }")]
    [InlineData("{ $.eventName = A")]
    [InlineData("   ")]
    public void Parse_Malformed_Null(string pattern) => Assert.Null(FilterPattern.Parse(pattern));

    [Fact]
    public void Parse_DeepNesting_NoRecursion()
    {
        var pattern = "{ " + new string('(', 100_000 / 4) + "$.a = 1" + new string(')', 100_000 / 4) + " }";
        Assert.True(FilterPattern.Parse(pattern)!.Matches(Event(("a", "1"))));
    }
}
