namespace Shipshape.Secrets.Cards;

/// <summary>The card networks whose primary account numbers are recognised.</summary>
public enum CardIssuer
{
    Visa,
    Mastercard,
    AmericanExpress,
    Discover,
    Jcb,
    DinersClub,
    UnionPay,
    Maestro,
}
