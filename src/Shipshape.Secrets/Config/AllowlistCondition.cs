namespace Shipshape.Secrets.Config;

/// <summary>How the criteria of an allowlist combine (gitleaks' <c>condition</c>).</summary>
public enum AllowlistCondition
{
    Or,
    And,
}
