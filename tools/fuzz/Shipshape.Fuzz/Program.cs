using System.Diagnostics;
using SharpFuzz;

namespace Shipshape.Fuzz;

/// <summary>
/// Fuzzing harnesses, one per component, run by tools/fuzz.sh under afl-fuzz:
///   Shipshape.Fuzz TARGET                 the afl-fuzz fork server (SharpFuzz, out of process), input on stdin
///   Shipshape.Fuzz list                   the targets
///   Shipshape.Fuzz repro TARGET FILE...   runs the harness on each file and prints the exception of each
///   Shipshape.Fuzz git-seed IDX PACK OUT  writes one git-pack input from a pack index and its pack
///   Shipshape.Fuzz shrink TARGET IN OUT   removes bytes from a crashing input while the crash keeps its signature
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

        if (args is ["shrink", var shrinkName, var source, var destination] && Targets.All.TryGetValue(shrinkName, out var shrink))
        {
            return Shrink(shrink, source, destination);
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

        Console.Error.WriteLine("usage: Shipshape.Fuzz TARGET | list | repro TARGET FILE... | shrink TARGET IN OUT | git-seed IDX PACK OUT | archive-seeds DIR");
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

    /// <summary>
    /// Delta debugging in process: drops chunks (halves down to single bytes) while the input still throws the
    /// same signature. Unlike afl-tmin, which keeps any crash, this keeps the bug the input was found for.
    /// (Not for stack overflows or hangs, which end or stall the process.)
    /// </summary>
    private static unsafe int Shrink(Target target, string source, string destination)
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        var input = File.ReadAllBytes(source);
        var wanted = SignatureOf(target, input) ?? throw new InvalidOperationException($"{source} does not crash");
        var clock = Stopwatch.StartNew();
        for (var chunk = Math.Max(1, input.Length / 2); chunk >= 1 && clock.Elapsed < TimeSpan.FromSeconds(60); chunk /= 2)
        {
            for (var at = 0; at + chunk <= input.Length && clock.Elapsed < TimeSpan.FromSeconds(60);)
            {
                var candidate = input[..at].Concat(input[(at + chunk)..]).ToArray();
                File.WriteAllBytes(destination + ".trying", candidate); // left behind when a candidate kills the process
                if (SignatureOf(target, candidate) == wanted)
                {
                    input = candidate;
                }
                else
                {
                    at += chunk;
                }
            }
        }

        File.WriteAllBytes(destination, input);
        File.Delete(destination + ".trying");
        Console.WriteLine($"{source}: {new FileInfo(source).Length} -> {input.Length} bytes, {wanted}");
        return 0;
    }

    private static string? SignatureOf(Target target, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
#pragma warning disable CA1031 // Any exception is a signature to compare.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Signature(ex);
        }
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
