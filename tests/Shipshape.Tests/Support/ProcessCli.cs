using System.Diagnostics;

namespace Shipshape.Tests.Support;

/// <summary>
/// Runs the built command (shipshape.dll beside the tests) as its own process, in a working directory and with an
/// environment of the test's choosing: what a user's shell does, for behaviour that depends on the current
/// directory, the environment (NO_COLOR, FORCE_COLOR) or standard streams not being a terminal.
/// </summary>
public static class ProcessCli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "shipshape.dll");

    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A clean colour environment unless the test sets one: CI runners often export FORCE_COLOR or NO_COLOR.
        foreach (var name in (string[])["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "TERM"])
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"shipshape {string.Join(' ', args)} did not exit");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);
}
