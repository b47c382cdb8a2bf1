using System.Text.RegularExpressions;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Source-generated forms of the built-in rules whose patterns run most: the assignment-shaped rules, whose keywords
/// ("key", "token", "secret", "password", "://") occur on many lines of any infrastructure repository. The
/// interpreter spent most of a scan's regex time on them; generated code runs the same patterns several times faster,
/// also under Native AOT. The catalogue stays data: a pattern is used here only when its text is exactly the one a
/// rule gives (after <see cref="RegexTranslator"/>), so a changed rule falls back to the interpreter, and a test
/// fails until the copy here is updated.
/// </summary>
internal static partial class GeneratedPatterns
{
    private const int TimeoutMilliseconds = 250;
    /// <summary>The pattern of the built-in rule <c>generic-api-key</c>.</summary>
    internal const string GenericApiKeyPattern = @"(?i)(?:access|auth|api|credential|creds|key|secret|token)(?:[ \t\w.\-]{0,20})[\s'""]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'""\s=]{0,5}([\w.=\-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\x60'""\s;,)\]}@&<>|#?*]|\\[nrt""']|$)";
    /// <summary>The pattern of the built-in rule <c>generic-secret-quoted</c>.</summary>
    internal const string GenericSecretQuotedPattern = @"(?i)(?:secret|token|api[_.\-]?key|auth[_.\-]?key|private[_.\-]?key|access[_.\-]?key|salt)(?:[_.\-]?(?:key|secret|token|value))?['""]?[ \t]{0,12}(?:=|:=|:|=>|,)[ \t]{0,12}['""]([^'""\s]{16,200})['""]";
    /// <summary>The pattern of the built-in rule <c>generic-password-unquoted</c>.</summary>
    internal const string GenericPasswordUnquotedPattern = @"(?im)(?:^|[\s;,{(\[]|\\[nrt])(?:export[ \t]+)?[""']?[\w.\-]{0,40}(?:password|passwd|passphrase|pwd|pass)[""']?[ \t]{0,3}(?:=|:=|::=|\?=|:)[ \t]{0,3}([^\s'""\x60#;,{}\[\]<>()\\]{6,128})(?:[ \t]*[;,#]|[ \t]*\r?$|\\[nrt])";
    /// <summary>The pattern of the built-in rule <c>generic-password</c>.</summary>
    internal const string GenericPasswordPattern = @"(?i)(?:password|passwd|passphrase|pwd)(?:[\w.\-]{0,20})[\s'""]{0,3}(?:=|:=|:|=>)\s{0,3}['""]([^'""\s]{8,64})['""]";
    /// <summary>The pattern of the built-in rule <c>xml-password-property</c>.</summary>
    internal const string XmlPasswordPropertyPattern = @"(?i)\b(?:name|key)=[""'][\w.:\-]*(?:password|passwd|pwd|secret|token|apikey|api_key|api\.key)[""'][^<>]{0,80}?(?:>|\bvalue=[""'])[ \t]*([^<""'\s]{6,200})";
    /// <summary>The pattern of the built-in rule <c>url-credentials</c>.</summary>
    internal const string UrlCredentialsPattern = @"(?i)(?<=\b[a-z][a-z0-9+.\-]{1,30})://[^:/?#@\s'""\x60]{0,64}:([^@/?#\s'""\x60]{3,128})@[a-z0-9.\-\[\]]+";
    /// <summary>The pattern of the built-in rule <c>http-url-credentials</c>.</summary>
    internal const string HttpUrlCredentialsPattern = @"(?i)\b(?:https?)://[^:/?#@\s'""\x60]{0,64}:([^@/?#\s'""\x60]{3,128})@[a-z0-9.\-\[\]]+";
    /// <summary>The pattern of the built-in rule <c>aws-secret-access-key</c>.</summary>
    internal const string AwsSecretAccessKeyPattern = @"(?i)(?:aws)?[\w.\-]{0,20}(?:secret[_.\-]?access[_.\-]?key|secret[_.\-]?key)[\w.\-]{0,10}[\s'""]{0,3}(?:=|:|=>)[\s'""\x60]{0,5}([A-Za-z0-9/+=]{40})(?:[\x60'""\s;,)\]}@&<>|#?*]|\\[nrt""']|$)";
    /// <summary>Every pattern with a generated form, by its text.</summary>
    internal static IReadOnlyList<string> Patterns { get; } =
    [
        GenericApiKeyPattern,
        GenericSecretQuotedPattern,
        GenericPasswordUnquotedPattern,
        GenericPasswordPattern,
        XmlPasswordPropertyPattern,
        UrlCredentialsPattern,
        HttpUrlCredentialsPattern,
        AwsSecretAccessKeyPattern,
    ];

    /// <summary>The generated regex for exactly this (translated) pattern, or null.</summary>
    public static Regex? For(string pattern) => pattern switch
    {
        GenericApiKeyPattern => GenericApiKey(),
        GenericSecretQuotedPattern => GenericSecretQuoted(),
        GenericPasswordUnquotedPattern => GenericPasswordUnquoted(),
        GenericPasswordPattern => GenericPassword(),
        XmlPasswordPropertyPattern => XmlPasswordProperty(),
        UrlCredentialsPattern => UrlCredentials(),
        HttpUrlCredentialsPattern => HttpUrlCredentials(),
        AwsSecretAccessKeyPattern => AwsSecretAccessKey(),
        _ => null,
    };

    [GeneratedRegex(GenericApiKeyPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex GenericApiKey();

    [GeneratedRegex(GenericSecretQuotedPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex GenericSecretQuoted();

    [GeneratedRegex(GenericPasswordUnquotedPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex GenericPasswordUnquoted();

    [GeneratedRegex(GenericPasswordPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex GenericPassword();

    [GeneratedRegex(XmlPasswordPropertyPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex XmlPasswordProperty();

    [GeneratedRegex(UrlCredentialsPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(HttpUrlCredentialsPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex HttpUrlCredentials();

    [GeneratedRegex(AwsSecretAccessKeyPattern, RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex AwsSecretAccessKey();
}
