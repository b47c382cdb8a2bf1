using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-017: a trail is defined, but no metric filter, alarm and SNS action watch for failed console sign-ins.</summary>
public sealed class ConsoleLoginFailureAlarmRule : IRule
{
    public string Id => "SHP-LOG-017";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        return SecurityAlarms.Missing(model, Matches, "console authentication failures");
    }

    /// <summary>The CIS pattern: ($.eventName = ConsoleLogin) &amp;&amp; ($.errorMessage = "Failed authentication"), in any spacing.</summary>
    internal static bool Matches(string normalised) =>
        normalised.Contains("$.eventName=ConsoleLogin", StringComparison.Ordinal)
        && normalised.Contains("$.errorMessage=Failedauthentication", StringComparison.Ordinal);
}
