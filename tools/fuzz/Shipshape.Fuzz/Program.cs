using System.Diagnostics;
using SharpFuzz;

namespace Shipshape.Fuzz;

/// <summary>
/// Fuzzing harnesses, one per component, run by tools/fuzz.sh under afl-fuzz:
///   Shipshape.Fuzz TARGET                 the afl-fuzz fork server (SharpFuzz, out of process), input on stdin
///   Shipshape.Fuzz list                   the targets
///   Shipshape.Fuzz repro TARGET FILE...   runs the harness on each file and prints the exception of each
///   Shipshape.Fuzz git-seed IDX PACK OUT  writes one git-pack input from a pack index and its pack
///   Shipshape.Fuzz archive-seeds DIR      writes tiny tar, gzip, tar.gz and zip archives (archive seeds)
/// A harness treats the failures the component documents (diagnostics, its declared exception) as fine;
/// any other exception escapes and afl-fuzz records a crash; a stack overflow kills the child, also a crash.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["list"])
        {
            foreach (var (targetName, target) in Targets.All)
            {
                Console.WriteLine($"{targetName,-14} {target.Description}");
            }

            return 0;
        }

        if (args is ["git-seed", var index, var pack, var output])
        {
            GitPackInput.WriteSeed(index, pack, output);
            return 0;
        }

        if (args is ["archive-seeds", var directory])
        {
            ArchiveSeeds.Write(directory);
            return 0;
        }

        if (args is ["repro", var name, .. var files] && files.Length > 0 && Targets.All.TryGetValue(name, out var repro))
        {
            return Repro(repro, files);
        }

        if (args is [var fuzzName] && Targets.All.TryGetValue(fuzzName, out var fuzz))
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                fuzz.Run(buffer.ToArray());
            });
            return 0;
        }

        Console.Error.WriteLine("usage: Shipshape.Fuzz TARGET | list | repro TARGET FILE... | git-seed IDX PACK OUT | archive-seeds DIR");
        Console.Error.WriteLine($"targets: {string.Join(", ", Targets.All.Keys)}");
        return 2;
    }

    private static unsafe int Repro(Target target, string[] files)
    {
        // Instrumented assemblies count edges in SharpFuzz's trace map, which only afl-fuzz (or Fuzzer.Run) sets up.
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        var failed = 0;
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                target.Run(input);
                Console.WriteLine($"{file}: ok ({clock.ElapsedMilliseconds} ms)");
            }
#pragma warning disable CA1031 // Triage: every unexpected exception is printed and the next file runs.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"{file}: CRASH after {clock.ElapsedMilliseconds} ms");
                Console.WriteLine($"SIGNATURE {Signature(ex)}");
                Console.WriteLine(ex.ToString());
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>Exception type, the frame that threw and the first Shipshape frame under it: one line per distinct bug.</summary>
    private static string Signature(Exception ex)
    {
        var frames = (ex.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.StartsWith("at ", StringComparison.Ordinal) ? f[3..] : f)
            .Select(f => f.Split(" in ", 2)[0])
            .ToList();
        var top = frames.FirstOrDefault() ?? "?";
        var ours = frames.FirstOrDefault(f => f.StartsWith("Shipshape.", StringComparison.Ordinal) && !f.StartsWith("Shipshape.Fuzz.", StringComparison.Ordinal)) ?? "?";
        return top == ours ? $"{ex.GetType().FullName} at {top}" : $"{ex.GetType().FullName} at {top} <- {ours}";
    }
}
