namespace Shipshape.Rules.Secrets;

/// <summary>
/// Decides whether a single named value (an environment variable) holds a secret. The built-in
/// <see cref="SecretValueDetector"/> asks the secret engine's catalogue.
/// </summary>
public interface ISecretValueDetector
{
    /// <summary>The first secret found in <paramref name="value"/>, or null; <paramref name="name"/> is context only.</summary>
    SecretMatch? Detect(string name, string value);
}
