using System.Text;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides the instance metadata defaults of instances, launch templates and launch configurations, for every format.</summary>
internal static class Ec2InstanceConfigurationBuilder
{
    /// <param name="userData">User data as written: plain text, or base64 (the EC2 API's encoding, Terraform's user_data_base64).</param>
    public static Ec2InstanceConfiguration Build(
        ResourceIdentity id,
        Value<string?> httpTokens,
        Value<string?> httpEndpoint,
        Value<int?> hopLimit,
        Value<string?> userData) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // EC2 API InstanceMetadataOptionsRequest / LaunchTemplateInstanceMetadataOptionsRequest, HttpTokens: "Default:
        // If the value of ImdsSupport for the Amazon Machine Image (AMI) for your instance is v2.0, the default is
        // required. ... Otherwise, the default is optional" (an account-level default can also change it).
        HttpTokens = Raw.Or(httpTokens, "optional"),
        // HttpEndpoint: "Default: enabled".
        HttpEndpoint = Raw.Or(httpEndpoint, "enabled"),
        // HttpPutResponseHopLimit: "Default: 1".
        HopLimit = hopLimit.IsDefaulted ? hopLimit with { Current = hopLimit.Current ?? 1 } : hopLimit,
        UserData = Decoded(userData),
    };

    /// <summary>User data given base64-encoded (it must be, in the API) is read as the text it encodes.</summary>
    private static Value<string?> Decoded(Value<string?> userData)
    {
        if (!userData.IsExplicit || userData.Current is not { Length: > 0 } text || text.Length % 4 != 0 || text.Length > 64 * 1024)
        {
            return userData;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written))
        {
            return userData;
        }

        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(buffer, 0, written);
            return decoded.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? userData : userData with { Current = decoded };
        }
        catch (DecoderFallbackException)
        {
            return userData;
        }
    }
}
