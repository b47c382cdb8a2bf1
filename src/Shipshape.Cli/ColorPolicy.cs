namespace Shipshape.Cli;

/// <summary>
/// Whether console output is coloured. <c>--no-color</c> always wins; then <c>FORCE_COLOR</c> (set and not empty:
/// on, except <c>0</c> or <c>false</c>, which turn it off) and <c>CLICOLOR_FORCE</c> (set and not <c>0</c>: on);
/// then <c>NO_COLOR</c> (set and not empty: off, see no-color.org) and <c>TERM=dumb</c>; otherwise colour only
/// when standard output is a terminal.
/// </summary>
public static class ColorPolicy
{
    public static bool Decide(bool noColorOption, bool outputIsTerminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (noColorOption)
        {
            return false;
        }

        if (environment("FORCE_COLOR") is { Length: > 0 } force)
        {
            return force is not ("0" or "false");
        }

        if (environment("CLICOLOR_FORCE") is { Length: > 0 } cliColorForce && cliColorForce != "0")
        {
            return true;
        }

        if (environment("NO_COLOR") is { Length: > 0 })
        {
            return false;
        }

        return outputIsTerminal && environment("TERM") != "dumb";
    }
}
