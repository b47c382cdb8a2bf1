namespace Shipshape.Rules.Secrets;

/// <summary>What a detected secret value looks like.</summary>
public enum SecretKind
{
    AwsAccessKeyId,
    AwsSecretAccessKey,
    PrivateKey,
    GitHubToken,
    SlackToken,
    StripeLiveKey,
    GoogleApiKey,
    JsonWebToken,
    UrlCredentials,
    HighEntropyString,
    /// <summary>A credential of another provider, found by one of the secret engine's rules.</summary>
    ProviderCredential,
}
