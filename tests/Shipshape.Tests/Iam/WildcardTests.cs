using Shipshape.Iam.Matching;

namespace Shipshape.Tests.Iam;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("ecs:*", "ECS:RunTask", true, true)]
    [InlineData("ecs:*", "ECS:RunTask", false, false)]
    [InlineData("s3:?etObject", "s3:GetObject", false, true)]
    [InlineData("s3:?etObject", "s3:etObject", false, false)]
    [InlineData("*task*", "ecs:StopTask", true, true)]
    [InlineData("a*b*c", "aXbYbZc", false, true)]
    [InlineData("a*b*c", "aXbYbZ", false, false)]
    [InlineData("", "", false, true)]
    public void Matches_IamGlob_MatchesStarsAndQuestionMarks(string pattern, string text, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, Wildcard.Matches(pattern, text, ignoreCase));

    [Fact]
    public void Matches_WithoutQuestionMark_TreatsItLiterally()
    {
        Assert.False(Wildcard.Matches("ghcr.io?", "ghcr.iox", ignoreCase: true, questionMark: false));
        Assert.True(Wildcard.Matches("ghcr.io?", "GHCR.IO?", ignoreCase: true, questionMark: false));
    }

    [Theory]
    [InlineData("arn:aws:sns:*:111122223333:*", "arn:aws:sns:eu-west-1:111122223333:topic", true)]
    [InlineData("arn:aws:sns:*:111122223333:*", "arn:aws:sns:eu-west-1:444455556666:topic", false)]
    [InlineData("arn:aws:iam::*:role/app-*", "arn:aws:iam::111122223333:role/app-task", true)]
    [InlineData("arn:aws:iam::*:role/app-*", "arn:aws:iam::111122223333:role/other", false)]
    [InlineData("*", "anything", true)]
    [InlineData("arn:aws:s3:::b", "not-an-arn", false)]
    public void ArnMatcher_ComponentWise_MatchesAsArnLike(string pattern, string arn, bool expected) =>
        Assert.Equal(expected, ArnMatcher.Matches(pattern, arn));
}
