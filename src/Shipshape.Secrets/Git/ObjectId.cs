namespace Shipshape.Secrets.Git;

/// <summary>SHA-1 object IDs as the repository's text spells them: checked before they are used as file names or looked up.</summary>
internal static class ObjectId
{
    public const int HexLength = 40;

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length != HexLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lower-case ID, or null when the text is not one.</summary>
    public static string? Parse(ReadOnlySpan<char> text)
    {
        var id = text.Trim();
        return IsValid(id) ? id.ToString().ToLowerInvariant() : null;
    }
}
