using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    [InlineData("esc\u001b[31mred", "esc[31mred")]
    [InlineData("bell\u0007cr\r", "bellcr")]
    [InlineData("del\u007f c1\u0080\u009b\u009f end", "del c1 end")]
    [InlineData("keep é ü 日本 \u00a0", "keep é ü 日本 \u00a0")]
    [InlineData("", "")]
    public void Sanitize_Text_RemovesOnlyControlCharacters(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Sanitize(input));

    [Fact]
    public void Sanitize_Null_ReturnsEmpty() => Assert.Equal(string.Empty, TerminalText.Sanitize(null));
}
