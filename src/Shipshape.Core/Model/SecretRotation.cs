namespace Shipshape.Core.Model;

/// <summary>A Secrets Manager rotation schedule for a secret (AWS::SecretsManager::RotationSchedule, aws_secretsmanager_secret_rotation).</summary>
public sealed record SecretRotation : Resource
{
    public required Value<string?> Secret { get; init; }
    /// <summary>RotationRules AutomaticallyAfterDays; null when the schedule is an expression or absent.</summary>
    public required Value<int?> AutomaticallyAfterDays { get; init; }
    /// <summary>RotationRules ScheduleExpression: rate(N days|hours) or cron(...); null when absent.</summary>
    public required Value<string?> ScheduleExpression { get; init; }
}
