using Shipshape.Cli;

namespace Shipshape.Tests.Cli;

/// <summary>Runs the CLI in-process and captures its streams.</summary>
public static class CliRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ShipshapeCommand.RunAsync(args, stdout, stderr, color: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI with <paramref name="stdin"/> as its standard input.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ShipshapeCommand.RunAsync(args, stdout, stderr, color: false, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
