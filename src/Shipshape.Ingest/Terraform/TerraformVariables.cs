using System.Collections.Immutable;
using System.Text;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Root-module variable values in Terraform's precedence: terraform.tfvars, terraform.tfvars.json,
/// *.auto.tfvars(.json) in lexical order, then --var-file files in order, then --var NAME=VALUE.
/// </summary>
public static class TerraformVariables
{
    public static bool IsVariablesFile(string name) =>
        name.EndsWith(".tfvars", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tfvars.json", StringComparison.OrdinalIgnoreCase);

    public static ImmutableDictionary<string, HclValue> Load(
        TerraformModuleLoader loader,
        string directory,
        ImmutableArray<string> variableFiles,
        ImmutableArray<string> variables,
        ImmutableArray<Diagnostic>.Builder diagnostics,
        List<ModuleFile> read)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var values = ImmutableDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        var automatic = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>()
                .Where(n => n.EndsWith(".auto.tfvars", StringComparison.Ordinal) || n.EndsWith(".auto.tfvars.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var name in new[] { "terraform.tfvars", "terraform.tfvars.json" }.Concat(automatic))
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                LoadFile(path, loader.Relative(Path.GetFullPath(path)), values, diagnostics, read, loader.Boundary);
            }
        }

        foreach (var file in variableFiles)
        {
            if (!File.Exists(file))
            {
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(file), "--var-file: file not found"));
                continue;
            }

            var full = Path.GetFullPath(file);
            LoadFile(full, loader.IsInsideRoot(Path.GetDirectoryName(full)!) ? loader.Relative(full) : file.Replace('\\', '/'), values, diagnostics, read: null, boundary: null);
        }

        foreach (var assignment in variables)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly("--var"), $"--var '{assignment}': expected NAME=VALUE"));
                continue;
            }

            values[assignment[..equals].Trim()] = ParseOption(assignment[(equals + 1)..]);
        }

        return values.ToImmutable();
    }

    /// <summary>A --var value: HCL when it reads as a list, map, number or bool, else the raw string (as Terraform does for string variables).</summary>
    public static HclValue ParseOption(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && (trimmed[0] is '[' or '{' || trimmed is "true" or "false" || char.IsAsciiDigit(trimmed[0])))
        {
            var (expression, errors) = HclParser.ParseExpression("--var", trimmed);
            if (expression is not null && errors.IsEmpty)
            {
                var value = new HclEvaluator().Evaluate(expression, HclScope.Empty);
                if (value is not HclUnknown)
                {
                    return value;
                }
            }
        }

        return HclValue.Of(text);
    }

    /// <param name="boundary">For files found in a module directory: they may not lead out of the scanned root. Null for a --var-file the user named.</param>
    private static void LoadFile(string path, string display, ImmutableDictionary<string, HclValue>.Builder values, ImmutableArray<Diagnostic>.Builder diagnostics, List<ModuleFile>? read, ScanRoot? boundary)
    {
        byte[] bytes;
        if (boundary is not null)
        {
            if (!boundary.TryRead(path, TerraformFileSystem.MaxBytes, out bytes, out var refusal))
            {
                diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(display), $"variables not read: {refusal}"));
                return;
            }
        }
        else
        {
            try
            {
                bytes = FileDiscovery.ReadRegularFile(path, TerraformFileSystem.MaxBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(display), $"cannot read file: {ex.Message}"));
                return;
            }
        }

        read?.Add(new ModuleFile(display, bytes));
        HclBody body;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            body = TerraformJsonSyntax.ParseValues(display, bytes, diagnostics);
        }
        else
        {
            var file = HclParser.Parse(display, Encoding.UTF8.GetString(bytes));
            diagnostics.AddRange(file.Diagnostics);
            body = file.Body;
        }

        var evaluator = new HclEvaluator();
        foreach (var attribute in body.Attributes)
        {
            values[attribute.Name] = evaluator.Evaluate(attribute.Expression, HclScope.Empty);
        }
    }
}
