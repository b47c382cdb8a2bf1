using System.Diagnostics;

namespace Shipshape.Tests.Support;

/// <summary>Runs the git CLI with a fixed identity, branch name and dates, so the repositories tests build are reproducible.</summary>
public static class GitCli
{
    public static string Run(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com", "-c", "init.defaultBranch=main", "-c", "gc.auto=0", .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["GIT_AUTHOR_DATE"] = "2026-03-01T10:00:00+00:00";
        start.Environment["GIT_COMMITTER_DATE"] = "2026-03-01T10:00:00+00:00";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output.Trim();
    }
}
