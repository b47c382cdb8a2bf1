namespace Shipshape.Rules.Secrets;

/// <summary>A secret found in a value: its kind, a phrase for messages, and a redacted form safe to print.</summary>
public sealed record SecretMatch(SecretKind Kind, string Description, string Redacted);
