using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest;

/// <summary>
/// Docker's <c>--security-opt</c> values, as compose <c>security_opt</c> and ECS <c>dockerSecurityOptions</c> pass
/// them to the daemon: <c>no-new-privileges[:true|false]</c>, <c>seccomp=PROFILE|unconfined</c>,
/// <c>apparmor=PROFILE|unconfined</c>, <c>label=…</c> (Docker accepts ':' as well as '=' after the name).
/// Without an entry Docker keeps privilege escalation allowed and applies its default seccomp and AppArmor profiles.
/// </summary>
public static class DockerSecurityOptions
{
    /// <summary>The entry named <paramref name="name"/> with its value after the separator ("" for a bare name), or null.</summary>
    public static Value<string>? Find(ImmutableArray<Value<string>> options, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var option in options)
        {
            var text = option.Current.Trim();
            if (text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (text.Length == name.Length || text[name.Length] is ':' or '='))
            {
                return option with { Current = text.Length == name.Length ? string.Empty : text[(name.Length + 1)..] };
            }
        }

        return null;
    }

    /// <summary>Whether privilege escalation stays allowed: true unless no-new-privileges is set (bare or true).</summary>
    public static Value<bool> AllowPrivilegeEscalation(ImmutableArray<Value<string>> options, SourceSpan anchor, string path)
    {
        if (Find(options, "no-new-privileges") is not { } option)
        {
            return Value<bool>.Defaulted(true, anchor, path);
        }

        var on = option.Current.Length == 0 || string.Equals(option.Current, "true", StringComparison.OrdinalIgnoreCase);
        return new Value<bool>(!on, option.Origin, option.Span, path);
    }

    /// <summary>The seccomp or AppArmor profile type: "RuntimeDefault" unless set, "Unconfined", or "Localhost" for a named profile.</summary>
    public static Value<string?> Profile(ImmutableArray<Value<string>> options, string name, SourceSpan anchor, string path)
    {
        if (Find(options, name) is not { } option)
        {
            return Value<string?>.Defaulted("RuntimeDefault", anchor, path);
        }

        var type = option.Current switch
        {
            var v when string.Equals(v, "unconfined", StringComparison.OrdinalIgnoreCase) => "Unconfined",
            var v when v.Length == 0 || string.Equals(v, "docker-default", StringComparison.OrdinalIgnoreCase)
                || string.Equals(v, "default", StringComparison.OrdinalIgnoreCase) => "RuntimeDefault",
            _ => "Localhost",
        };
        return new Value<string?>(type, option.Origin, option.Span, path);
    }
}
