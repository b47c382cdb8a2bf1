namespace Shipshape.Secrets.Config;

/// <summary>What an allowlist regex is matched against (gitleaks' <c>regexTarget</c>).</summary>
public enum RegexTarget
{
    Secret,
    Match,
    Line,
}
