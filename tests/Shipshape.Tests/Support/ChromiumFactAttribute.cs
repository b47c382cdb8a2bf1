namespace Shipshape.Tests.Support;

/// <summary>A fact that drives Debian's chromium (headless): skipped, with the reason, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The browser the tests run; never downloaded.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        Skip = File.Exists(ExecutablePath)
            ? null!
            : ExecutablePath + " is not installed (apt-get install chromium; .ci/run installs it); CI runs this test";
    }
}
