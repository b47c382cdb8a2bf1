namespace Shipshape.Secrets.Cards;

/// <summary>How sure the detector is that a number is a card number, from the words around it.</summary>
public enum CardConfidence
{
    /// <summary>No context either way: a Luhn-valid number of a known issuer and length.</summary>
    Medium,
    /// <summary>Words such as "card", "pan", "visa" or "payment" are near it.</summary>
    High,
}
