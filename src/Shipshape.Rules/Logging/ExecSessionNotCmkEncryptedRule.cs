using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-031: an ECS cluster configures ECS Exec without a customer managed key for the session data, or sends the
/// session logs to its own destination (logging OVERRIDE) without encrypting them.
/// </summary>
public sealed class ExecSessionNotCmkEncryptedRule : IRule
{
    public string Id => "SHP-LOG-031";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EcsCluster>())
        {
            if (cluster.ExecuteCommandConfigured is not { IsKnown: true, Current: true }
                || !cluster.ExecuteCommandLogging.IsKnown
                || string.Equals(cluster.ExecuteCommandLogging.Current, "NONE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cfn = cluster.SourceFormat == "cloudformation";
            if (cluster.ExecuteCommandKmsKey is { IsKnown: true } key && string.IsNullOrWhiteSpace(key.Current))
            {
                yield return RuleText.Hit(cluster, cluster.ExecuteCommandConfigured,
                    $"ECS cluster '{cluster.Address}' configures ECS Exec without {(cfn ? "KmsKeyId" : "kms_key_id")}, so session data is not encrypted with a customer managed key.");
            }

            if (string.Equals(cluster.ExecuteCommandLogging.Current, "OVERRIDE", StringComparison.OrdinalIgnoreCase)
                && cluster.ExecuteCommandLogsEncrypted is { IsKnown: true, Current: false } encrypted)
            {
                yield return RuleText.Hit(cluster, encrypted,
                    $"ECS cluster '{cluster.Address}' sends ECS Exec session logs to its own destination (logging OVERRIDE) without {(cfn ? "CloudWatchEncryptionEnabled or S3EncryptionEnabled" : "cloud_watch_encryption_enabled or s3_bucket_encryption_enabled")}.");
            }
        }
    }
}
