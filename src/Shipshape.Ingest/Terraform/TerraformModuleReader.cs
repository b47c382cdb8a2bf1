using System.Collections.Concurrent;
using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Hcl.Evaluation;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Terraform configurations into the model. Every directory holding .tf or .tf.json files is a module; a
/// module that another scanned module calls through a local source ("./modules/x") is evaluated as part of
/// its caller (addresses module.x.…, with the caller's inputs) and not again on its own; the others are root
/// modules, which get terraform.tfvars, *.auto.tfvars, --var-file and --var. Root modules are evaluated in parallel.
/// </summary>
public sealed class TerraformModuleReader : IModuleReader
{
    public const string SourceFormat = "terraform";

    private readonly TerraformTaskDefinitionMapper _taskDefinitions = new();

    public string Format => SourceFormat;

    public bool Claims(string relativePath, InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return TerraformModuleLoader.IsConfigurationFile(name) || TerraformVariables.IsVariablesFile(name);
    }

    private static bool Wanted(string type) =>
        type == TerraformTaskDefinitionMapper.ResourceType || TerraformAdapters.Handles(type);

    public ModuleReadResult Read(ModuleReadRequest request, CancellationToken cancellationToken) => Read(request, _ => { }, cancellationToken);

    /// <summary>Reads, telling <paramref name="resourceSeen"/> the type of every resource instance block met (for corpus statistics).</summary>
    public ModuleReadResult Read(ModuleReadRequest request, Action<string> resourceSeen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = new ConcurrentBag<ModuleFile>();
        var resources = new ConcurrentBag<Resource>();
        var diagnostics = new ConcurrentBag<Diagnostic>();
        foreach (var group in request.Files.GroupBy(f => (f.Root, f.DisplayRoot)))
        {
            var root = group.Key.Root;
            var loader = new TerraformModuleLoader(Directory.Exists(root) ? root : Path.GetDirectoryName(root)!, group.Key.DisplayRoot);
            var directories = group
                .Where(f => TerraformModuleLoader.IsConfigurationFile(Path.GetFileName(f.FullPath)))
                .GroupBy(f => Path.GetDirectoryName(Path.GetFullPath(f.FullPath))!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => Path.GetFullPath(f.FullPath)).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
            var modules = directories.ToDictionary(d => d.Key, d => loader.Load(d.Key, d.Value), StringComparer.Ordinal);
            var called = modules.Values.SelectMany(LocalSources).Select(d => d.Callee)
                // Modules terraform init installed (.terraform/modules) are evaluated through their callers.
                .Concat(modules.Values.SelectMany(m => loader.Manifest(m.Directory).Values))
                .ToHashSet(StringComparer.Ordinal);

            foreach (var module in modules.Values)
            {
                foreach (var file in module.Files)
                {
                    files.Add(file);
                }

                foreach (var diagnostic in module.Diagnostics)
                {
                    diagnostics.Add(diagnostic);
                }
            }

            // Variable files are read for the roots; a .tfvars elsewhere is still a scanned file.
            foreach (var file in group.Where(f => TerraformVariables.IsVariablesFile(Path.GetFileName(f.FullPath))))
            {
                var full = Path.GetFullPath(file.FullPath);
                if (!modules.ContainsKey(Path.GetDirectoryName(full)!) && loader.Boundary.TryRead(full, TerraformFileSystem.MaxBytes, out var bytes, out _))
                {
                    files.Add(new ModuleFile(file.DisplayPath, bytes));
                }
            }

            var roots = modules.Values.Where(m => !called.Contains(m.Directory)).OrderBy(m => m.Directory, StringComparer.Ordinal).ToList();
            Parallel.ForEach(roots, module =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(module.RelativeDirectory), "Terraform module not checked: the scan's time limit (--timeout) ran out before it was reached"));
                    return;
                }

                // The module's deadline stops its evaluation through the budget: what is left becomes unknown.
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(request.ModuleTimeout);
                var budget = new HclBudget(cancellationToken: deadline.Token);
                try
                {
                    var local = ImmutableArray.CreateBuilder<Diagnostic>();
                    var read = new List<ModuleFile>();
                    var inputs = TerraformVariables.Load(loader, module.Directory, request.VariableFiles, request.Variables, local, read);
                    foreach (var file in read)
                    {
                        files.Add(file);
                    }

                    var evaluationDiagnostics = new List<Diagnostic>();
                    var instance = new TerraformModuleInstance(loader, module, string.Empty, inputs, Wanted, evaluationDiagnostics, budget: budget);
                    var mapped = new List<Resource>();
                    var attachments = new List<(string, string, Shipshape.Ingest.Syntax.MappingNode, SourceSpan)>();
                    foreach (var resource in instance.Resources(resourceSeen))
                    {
                        if (TerraformAdapters.IsAttachment(resource.Type))
                        {
                            attachments.Add((resource.Type, resource.Address, HclValueTree.Body(resource.Body, resource.Span), resource.Span));
                        }
                        else
                        {
                            var chain = resource.Calls.IsEmpty ? null : new ModuleChain(module.RelativeDirectory, resource.Calls);
                            // References resolve within the root module, whichever of its files or modules they are in.
                            mapped.AddRange(Map(resource, local).Select(r => r with { Module = chain, LinkScope = module.RelativeDirectory }));
                        }
                    }

                    foreach (var resource in TerraformAdapters.Link(mapped, attachments, SourceFormat))
                    {
                        resources.Add(resource);
                    }

                    foreach (var diagnostic in local.Concat(evaluationDiagnostics))
                    {
                        diagnostics.Add(diagnostic);
                    }

                    if (budget.RegexGaveUp)
                    {
                        diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(module.RelativeDirectory), "Terraform module not fully checked: a regular expression ran out of time (it backtracks too much); regex(), regexall() and replace() after it are unresolved"));
                    }

                    if (budget.TimedOut)
                    {
                        diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(module.RelativeDirectory), $"Terraform module not fully checked: its evaluation took longer than the time limit ({request.ModuleTimeout.TotalSeconds:0.#} s, --file-timeout); values evaluated after that are unresolved"));
                    }
                    else if (budget.Exhausted)
                    {
                        diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(module.RelativeDirectory), "Terraform module not fully checked: its evaluation ran out of budget (it computes more than real configurations do); values evaluated after that are unresolved"));
                    }
                }
#pragma warning disable CA1031 // A bug met on one module is reported for that module; the scan goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(module.RelativeDirectory), $"Terraform module not checked: internal error evaluating it ({ex.GetType().Name}: {ex.Message}); please report it") with { Incomplete = IncompleteKind.Skipped });
                }
            });
        }

        return new ModuleReadResult(
            [.. files.DistinctBy(f => f.RelativePath, StringComparer.Ordinal).OrderBy(f => f.RelativePath, StringComparer.Ordinal)],
            new IngestResult([.. resources.OrderBy(r => r.Span.Path, StringComparer.Ordinal).ThenBy(r => r.Address, StringComparer.Ordinal)], [.. diagnostics.Distinct()]));
    }

    private IEnumerable<Resource> Map(TerraformResource resource, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var attributes = HclValueTree.Body(resource.Body, resource.Span);
        if (resource.Type != TerraformTaskDefinitionMapper.ResourceType)
        {
            return TerraformAdapters.Adapt(resource.Address, resource.Type, attributes, SourceFormat, resource.Span);
        }

        var definitions = resource.Body.Attribute("container_definitions")?.Value;
        return [_taskDefinitions.Map(resource.Address, attributes, SourceFormat, resource.Span, diagnostics, definitions ?? HclValue.Null)];
    }

    /// <summary>The directories a module calls through local sources, for telling root modules from called ones.</summary>
    private static IEnumerable<(string Caller, string Callee)> LocalSources(TerraformModule module)
    {
        foreach (var call in module.OfType("module"))
        {
            if (call.Body.Attribute("source")?.Expression is Hcl.Syntax.TemplateExpr { Parts: [Hcl.Syntax.LiteralExpr { Value: HclString source }] }
                && (source.Value.StartsWith("./", StringComparison.Ordinal) || source.Value.StartsWith("../", StringComparison.Ordinal)))
            {
                var callee = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(module.Directory, source.Value)));
                if (!string.Equals(callee, module.Directory, StringComparison.Ordinal))
                {
                    yield return (module.Directory, callee);
                }
            }
        }
    }
}
