namespace Shipshape.Rules.Secrets;

/// <summary>
/// Decides whether a single named value (an environment variable) holds a secret. The built-in
/// <see cref="SecretValueDetector"/> is a small fixed rule set; a gitleaks-class engine can replace it.
/// </summary>
public interface ISecretValueDetector
{
    /// <summary>The first secret found in <paramref name="value"/>, or null; <paramref name="name"/> is context only.</summary>
    SecretMatch? Detect(string name, string value);
}
