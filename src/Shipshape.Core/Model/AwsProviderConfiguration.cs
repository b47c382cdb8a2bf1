namespace Shipshape.Core.Model;

/// <summary>
/// A Terraform AWS provider configuration (provider "aws" block): the credentials written into it, if any. Only
/// Terraform has the concept; its address is provider.aws, or provider.aws.ALIAS for an aliased configuration.
/// </summary>
public sealed record AwsProviderConfiguration : Resource
{
    /// <summary>access_key; absent (no value) unless the configuration sets it.</summary>
    public required Value<string?> AccessKey { get; init; }

    /// <summary>secret_key; absent (no value) unless the configuration sets it.</summary>
    public required Value<string?> SecretKey { get; init; }

    /// <summary>token, the session token of temporary credentials; absent unless set.</summary>
    public required Value<string?> Token { get; init; }

    /// <summary>
    /// Whether the configuration sends requests to endpoints of its own (an endpoints block) and skips credential
    /// validation, as for LocalStack or another emulator, where the keys are not AWS credentials.
    /// </summary>
    public required Value<bool> Emulated { get; init; }
}
