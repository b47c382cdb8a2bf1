using Shipshape.Secrets.Cards;

namespace Shipshape.Tests.Secrets;

public sealed class CardNumberDetectorTests
{
    [Theory]
    [InlineData("card: 4556737586899855", CardIssuer.Visa, "455673******9855")]
    [InlineData("card: 4556 7375 8689 9855", CardIssuer.Visa, "455673******9855")]
    [InlineData("card: 4556-7375-8689-9855", CardIssuer.Visa, "455673******9855")]
    [InlineData("pan=5221084736192051", CardIssuer.Mastercard, "522108******2051")]
    [InlineData("amex 3714 496353 98431", CardIssuer.AmericanExpress, "***********8431")]
    [InlineData("\"n\": \"6011000990139424\"", CardIssuer.Discover, "601100******9424")]
    [InlineData("jcb 3566002020360505", CardIssuer.Jcb, "356600******0505")]
    [InlineData("diners 30569309025904", CardIssuer.DinersClub, "**********5904")]
    [InlineData("up 6250941006528599", CardIssuer.UnionPay, "625094******8599")]
    [InlineData("m 6759649826438453", CardIssuer.Maestro, "675964******8453")]
    public void Scan_ValidNumber_ReportsIssuerAndMasksToFirstSixLastFour(string text, CardIssuer issuer, string masked)
    {
        var hit = Assert.Single(CardNumberDetector.Scan(text));

        Assert.Equal(issuer, hit.Issuer);
        Assert.Equal(masked, hit.Masked);
    }

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4242424242424242")]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    public void Scan_WellKnownTestNumber_MarkedAsTest(string number)
    {
        Assert.True(Assert.Single(CardNumberDetector.Scan($"card {number}")).IsTestNumber);
    }

    [Theory]
    [InlineData("card 4556737586899856")] // Luhn fails
    [InlineData("id 145567375868998551")] // inside a longer run
    [InlineData("x 94556737586899855")] // longer digit run
    [InlineData("uuid 4556737586899855-aa")] // glued
    [InlineData("v4556737586899855")] // identifier
    [InlineData("1.4556737586899855")] // decimal or version
    [InlineData("phone: 4556737586899855")] // negative context
    [InlineData("order 4556737586899855")]
    [InlineData("card 4556 737586 899855")] // inconsistent grouping
    [InlineData("card 4556 7375-8689 9855")] // mixed separators
    [InlineData("ts 1716398400000")] // millisecond timestamp, no issuer
    [InlineData("call +1 415 555 0132 4567")] // phone with separators
    [InlineData("card 7556737586899851")] // no issuer
    public void Scan_NotACardNumber_ReportsNothing(string text)
    {
        Assert.Empty(CardNumberDetector.Scan(text));
    }

    [Fact]
    public void Scan_CardContext_RaisesConfidence()
    {
        Assert.Equal(CardConfidence.High, Assert.Single(CardNumberDetector.Scan("credit_card = 4556737586899855")).Confidence);
        Assert.Equal(CardConfidence.Medium, Assert.Single(CardNumberDetector.Scan("value = 4556737586899855")).Confidence);
    }

    [Fact]
    public void Scan_Mastercard2Series_Recognised()
    {
        Assert.Equal(CardIssuer.Mastercard, Assert.Single(CardNumberDetector.Scan("card 2223003122003222")).Issuer);
    }
}
