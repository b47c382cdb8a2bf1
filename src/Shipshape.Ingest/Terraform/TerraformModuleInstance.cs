using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// One instance of a module (the root, or a module call with its key) and the scope its expressions see:
/// var (inputs), local (evaluated lazily, cycles become unknown), module (child outputs), data and resource
/// references (unknown values linked to the referenced address), path, terraform, count, each.
/// </summary>
public sealed class TerraformModuleInstance : IHclScope
{
    /// <summary>How deep local module calls may nest (also stops a module that calls itself).</summary>
    public const int MaxModuleDepth = 12;

    private readonly TerraformModuleLoader _loader;
    private readonly TerraformModule _module;
    private readonly ImmutableDictionary<string, HclValue> _variables;
    private readonly Func<string, bool> _wanted;
    private readonly int _depth;
    private readonly HclEvaluator _evaluator;
    private readonly Dictionary<string, HclValue> _locals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluatingLocals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<(string Key, TerraformModuleInstance? Child, HclValue KeyValue)>> _calls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluatingCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclExpressionHolder> _localExpressions = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics;

    public TerraformModuleInstance(
        TerraformModuleLoader loader,
        TerraformModule module,
        string addressPrefix,
        ImmutableDictionary<string, HclValue> inputs,
        Func<string, bool> wantedResourceType,
        List<Diagnostic> diagnostics,
        int depth = 0,
        HclBudget? budget = null,
        string moduleKey = "",
        string? rootDirectory = null)
    {
        ModuleKey = moduleKey;
        RootDirectory = rootDirectory ?? module.Directory;
        _evaluator = new HclEvaluator(budget);
        _loader = loader;
        _module = module;
        AddressPrefix = addressPrefix;
        _wanted = wantedResourceType;
        _diagnostics = diagnostics;
        _depth = depth;
        Files = new TerraformFileSystem(loader.Boundary, loader.Root, module.Directory, module.RelativeDirectory, diagnostics, loader.DisplayRoot);
        foreach (var locals in module.OfType("locals"))
        {
            foreach (var attribute in locals.Body.Attributes)
            {
                _localExpressions[attribute.Name] = new HclExpressionHolder(attribute.Expression);
            }
        }

        var variables = ImmutableDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        foreach (var variable in module.OfType("variable").Where(v => v.Labels.Length == 1))
        {
            var name = variable.Labels[0];
            var type = variable.Body.Attribute("type")?.Expression;
            if (inputs.TryGetValue(name, out var given) && !(given is HclNull && variable.Body.Attribute("default") is not null && IsNonNullable(variable)))
            {
                variables[name] = TerraformTypeDefaults.Apply(type, given, _evaluator);
            }
            else if (variable.Body.Attribute("default") is { } defaultValue)
            {
                variables[name] = TerraformTypeDefaults.Apply(type, _evaluator.Evaluate(defaultValue.Expression, HclScope.Empty), _evaluator);
            }
            else
            {
                variables[name] = HclUnknown.Plain with { Reason = $"variable '{name}' has no value", Span = variable.Span };
            }
        }

        _variables = variables.ToImmutable();
    }

    public string AddressPrefix { get; }

    /// <summary>The call path as terraform init keys it in modules.json ("", "app", "app.vpc").</summary>
    public string ModuleKey { get; }

    /// <summary>The root module's directory, whose .terraform/modules/modules.json lists the installed modules.</summary>
    public string RootDirectory { get; }

    /// <summary>The directories of the modules that (transitively) called this one, to stop cycles.</summary>
    public ImmutableHashSet<string> Ancestors
    {
        get => _ancestors;
        init => _ancestors = value;
    }

    private readonly ImmutableHashSet<string> _ancestors = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The module calls from the root down to this instance (empty for the root module), each with its caller's line.</summary>
    public ImmutableArray<ModuleCall> CallChain { get; init; } = [];

    public TerraformModule Module => _module;

    public IHclFileSystem? Files { get; }

    private bool IsNonNullable(HclBlock variable) =>
        variable.Body.Attribute("nullable") is { } n && _evaluator.Evaluate(n.Expression, HclScope.Empty) is HclBool { Value: false };

    public HclValue? Lookup(string root, string? attribute, SourceSpan span)
    {
        switch (root)
        {
            case "var":
                return attribute is null ? HclObject.From(_variables) : _variables.GetValueOrDefault(attribute) ?? HclUnknown.Error($"undeclared variable '{attribute}'");
            case "local":
                return attribute is null ? null : Local(attribute);
            case "module":
                return attribute is null ? null : ModuleValue(attribute);
            case "data":
                return attribute is null ? null : DataObject(attribute);
            case "path":
                return attribute switch
                {
                    "module" => HclValue.Of(_module.Directory),
                    "root" or "cwd" => HclValue.Of(_loader.Root),
                    _ => null,
                };
            case "terraform":
                return attribute == "workspace" ? HclValue.Of("default") : HclUnknown.Plain;
            case "count" or "each" or "self":
                return null;
        }

        // A resource reference (aws_iam_role.task): unknown until apply, linked to the address it names.
        if (attribute is not null && root.Contains('_', StringComparison.Ordinal))
        {
            return new HclUnknown([$"{AddressPrefix}{root}.{attribute}"]) { Span = span };
        }

        return null;
    }

    private HclValue Local(string name)
    {
        if (_locals.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_localExpressions.TryGetValue(name, out var holder))
        {
            return HclUnknown.Error($"undeclared local '{name}'");
        }

        if (!_evaluatingLocals.Add(name))
        {
            return HclUnknown.Plain with { Reason = $"local '{name}' refers to itself" };
        }

        var value = _evaluator.Evaluate(holder.Expression, this);
        _evaluatingLocals.Remove(name);
        _locals[name] = value;
        return value;
    }

    private HclObject DataObject(string type)
    {
        var names = _module.OfType("data").Where(d => d.Labels.Length == 2 && d.Labels[0] == type).Select(d => d.Labels[1]).Distinct(StringComparer.Ordinal);
        return HclObject.From(names.Select(n => new KeyValuePair<string, HclValue>(n, DataValue(type, n))));
    }

    /// <summary>
    /// A data source's attributes: aws_iam_policy_document is rendered from its body (once; a document that
    /// refers to itself is unknown); every other data source is unknown, linked to its address.
    /// </summary>
    private HclValue DataValue(string type, string name)
    {
        var address = $"{AddressPrefix}data.{type}.{name}";
        if (type != TerraformPolicyDocument.DataType)
        {
            return new HclUnknown([address]);
        }

        if (_dataSources.TryGetValue(address, out var known))
        {
            return known;
        }

        var block = _module.OfType("data").First(d => d.Labels.Length == 2 && d.Labels[0] == type && d.Labels[1] == name);
        if (block.Body.Attribute("count") is not null || block.Body.Attribute("for_each") is not null || !_evaluatingData.Add(address))
        {
            return new HclUnknown([address]);
        }

        var value = TerraformPolicyDocument.Render(address, EvaluateBody(block.Body, this, 0), block.Span, _diagnostics);
        _evaluatingData.Remove(address);
        _dataSources[address] = value;
        return value;
    }

    private readonly Dictionary<string, HclValue> _dataSources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluatingData = new(StringComparer.Ordinal);

    private HclValue ModuleValue(string name)
    {
        var calls = Calls(name);
        var call = _module.OfType("module").FirstOrDefault(m => m.Labels.Length == 1 && m.Labels[0] == name);
        if (call is null)
        {
            return HclUnknown.Error($"undeclared module '{name}'");
        }

        if (calls.IsDefault)
        {
            return new HclUnknown([$"{AddressPrefix}module.{name}"]);
        }

        HclValue Outputs((string Key, TerraformModuleInstance? Child, HclValue KeyValue) c) =>
            (HclValue?)c.Child?.Outputs() ?? new HclUnknown([$"{AddressPrefix}module.{name}{c.Key}"]);

        if (call.Body.Attribute("count") is not null)
        {
            return new HclTuple([.. calls.Select(Outputs)]);
        }

        if (call.Body.Attribute("for_each") is not null)
        {
            return HclObject.From(calls.Select(c => new KeyValuePair<string, HclValue>(((HclString)c.KeyValue).Value, Outputs(c))));
        }

        return calls.Length == 1 ? Outputs(calls[0]) : new HclUnknown([$"{AddressPrefix}module.{name}"]);
    }

    private HclObject? _outputs;

    public HclObject Outputs()
    {
        if (_outputs is not null)
        {
            return _outputs;
        }

        _outputs = HclObject.Empty;
        _outputs = HclObject.From(_module.OfType("output").Where(o => o.Labels.Length == 1).Select(o => new KeyValuePair<string, HclValue>(
            o.Labels[0], o.Body.Attribute("value") is { } v ? _evaluator.Evaluate(v.Expression, this) : HclValue.Null)));
        return _outputs;
    }

    /// <summary>The instances of a module call, created once; default when the call cannot be followed.</summary>
    private ImmutableArray<(string Key, TerraformModuleInstance? Child, HclValue KeyValue)> Calls(string name)
    {
        if (_calls.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_evaluatingCalls.Add(name))
        {
            return default;
        }

        var call = _module.OfType("module").FirstOrDefault(m => m.Labels.Length == 1 && m.Labels[0] == name);
        var result = call is null ? default : CreateCalls(call, name);
        _evaluatingCalls.Remove(name);
        _calls[name] = result;
        return result;
    }

    private ImmutableArray<(string Key, TerraformModuleInstance? Child, HclValue KeyValue)> CreateCalls(HclBlock call, string name)
    {
        var source = call.Body.Attribute("source") is { } s && _evaluator.Evaluate(s.Expression, HclScope.Empty) is HclString text ? text.Value : null;
        var key = ModuleKey.Length == 0 ? name : $"{ModuleKey}.{name}";
        string directory;
        if (source is not null && (source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal)))
        {
            directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(_module.Directory, source)));
        }
        else if (_loader.Manifest(RootDirectory).TryGetValue(key, out var installed))
        {
            // A registry or Git module that terraform init downloaded: evaluated from its copy, like a local module.
            directory = installed;
        }
        else
        {
            _diagnostics.Add(Diagnostic.Info(call.Span, $"module '{name}' (source {source ?? "unknown"}) is not a local module and is not fetched (no .terraform/modules/modules.json lists it; run terraform init first to scan it); its resources are not scanned") with { Incomplete = IncompleteKind.Partial });
            return default;
        }

        if (!_loader.IsInsideRoot(directory) || !Directory.Exists(directory))
        {
            _diagnostics.Add(Diagnostic.Info(call.Span, $"module '{name}' (source {source}) is outside the scanned directory or missing; its resources are not scanned") with { Incomplete = IncompleteKind.Partial });
            return default;
        }

        if (_ancestors.Contains(directory) || directory == _module.Directory)
        {
            _diagnostics.Add(Diagnostic.Warning(call.Span, $"module '{name}' (source {source}) calls a module that is already being evaluated (a cycle); not followed"));
            return default;
        }

        if (_depth >= MaxModuleDepth)
        {
            _diagnostics.Add(Diagnostic.Warning(call.Span, $"module '{name}': modules nest more than {MaxModuleDepth} deep (a module calling itself?); not followed"));
            return default;
        }

        var child = _loader.Load(directory);
        var builder = ImmutableArray.CreateBuilder<(string, TerraformModuleInstance?, HclValue)>();
        foreach (var (instanceKey, scope, keyValue) in Expand(call, this))
        {
            var inputs = ImmutableDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
            foreach (var attribute in call.Body.Attributes)
            {
                if (attribute.Name is not ("source" or "version" or "count" or "for_each" or "providers" or "depends_on"))
                {
                    inputs[attribute.Name] = _evaluator.Evaluate(attribute.Expression, scope);
                }
            }

            var address = $"{AddressPrefix}module.{name}{instanceKey}";
            var instance = new TerraformModuleInstance(_loader, child, address + ".", inputs.ToImmutable(), _wanted, _diagnostics, _depth + 1, _evaluator.Budget, key, RootDirectory)
            {
                Ancestors = _ancestors.Add(_module.Directory),
                CallChain = CallChain.Add(new ModuleCall(address, call.Span with { EndLine = call.Span.StartLine, EndColumn = 0 })),
            };
            builder.Add((instanceKey, instance, keyValue));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The instances count or for_each make of a block, as (address key, scope, each.key): "" for none,
    /// "[0]" for count, "[\"k\"]" for for_each. An unknown count or for_each gives one instance whose index is unknown.
    /// </summary>
    private IEnumerable<(string Key, IHclScope Scope, HclValue KeyValue)> Expand(HclBlock block, IHclScope scope)
    {
        foreach (var instance in ExpandUnbounded(block, scope))
        {
            if (!_evaluator.Budget.SpendInstance())
            {
                if (_evaluator.Budget.FirstInstanceOverrun())
                {
                    _diagnostics.Add(Diagnostic.Warning(block.Span, $"more than {HclBudget.DefaultInstances} resource and module instances; the rest of this configuration is not expanded"));
                }

                yield break;
            }

            yield return instance;
        }
    }

    private IEnumerable<(string Key, IHclScope Scope, HclValue KeyValue)> ExpandUnbounded(HclBlock block, IHclScope scope)
    {
        if (block.Body.Attribute("count") is { } countAttribute)
        {
            var count = _evaluator.Evaluate(countAttribute.Expression, scope);
            if (!HclConvert.TryNumber(count, out var n))
            {
                yield return ("[0]", Bind(scope, "count", Obj(("index", count is HclUnknown ? count : HclUnknown.Plain))), HclValue.Of(0));
                yield break;
            }

            for (var i = 0; i < Math.Min(n, 1000); i++)
            {
                yield return ($"[{i}]", Bind(scope, "count", Obj(("index", HclValue.Of(i)))), HclValue.Of(i));
            }

            yield break;
        }

        if (block.Body.Attribute("for_each") is { } forEachAttribute)
        {
            var forEach = _evaluator.Evaluate(forEachAttribute.Expression, scope);
            var pairs = forEach switch
            {
                HclObject o => o.Items.Select(p => (p.Key, p.Value)).ToList(),
                HclTuple t => t.Items.Select(i => HclConvert.TryString(i, out var k) ? (k, i) : (null!, i)).Where(p => p.Item1 is not null).ToList(),
                _ => null,
            };
            if (pairs is null)
            {
                var unknown = forEach as HclUnknown ?? HclUnknown.Plain;
                yield return ("[*]", Bind(scope, "each", Obj(("key", unknown), ("value", unknown))), HclValue.Of("*"));
                yield break;
            }

            foreach (var (key, value) in pairs.Take(1000))
            {
                yield return ($"[{Quote(key)}]", Bind(scope, "each", Obj(("key", HclValue.Of(key)), ("value", value))), HclValue.Of(key));
            }

            yield break;
        }

        yield return (string.Empty, scope, HclValue.Null);
    }

    private static string Quote(string key) => HclJson.Encode(HclValue.Of(key));

    private static HclObject Obj(params (string Key, HclValue Value)[] items) =>
        HclObject.From(items.Select(i => new KeyValuePair<string, HclValue>(i.Key, i.Value)));

    private static HclScope Bind(IHclScope scope, string name, HclValue value) =>
        new(ImmutableDictionary<string, HclValue>.Empty.WithComparers(StringComparer.Ordinal).Add(name, value), scope);

    /// <summary>Every resource instance of this module and the modules it calls, evaluated for the wanted types only.</summary>
    /// <summary>
    /// The module's resources and those of the modules it calls. A resource or a called module whose evaluation
    /// fails is reported and left out; the others are still returned.
    /// </summary>
    public IEnumerable<TerraformResource> Resources(Action<string> counted)
    {
        var resources = new List<TerraformResource>();
        foreach (var block in _module.OfType("resource").Where(b => b.Labels.Length == 2))
        {
            var type = block.Labels[0];
            counted(type);
            if (!_wanted(type))
            {
                continue;
            }

            Guarded(block.Span, $"resource {AddressPrefix}{type}.{block.Labels[1]}", () =>
            {
                foreach (var (key, scope, _) in Expand(block, this))
                {
                    var address = $"{AddressPrefix}{type}.{block.Labels[1]}{key}";
                    resources.Add(new TerraformResource(address, type, EvaluateBody(block.Body, scope, 0), block.Span) { Calls = CallChain });
                }
            });
        }

        foreach (var call in _module.OfType("module").Where(m => m.Labels.Length == 1))
        {
            var calls = Calls(call.Labels[0]);
            if (calls.IsDefault)
            {
                continue;
            }

            foreach (var (_, child, _) in calls)
            {
                if (child is not null)
                {
                    Guarded(call.Span, $"module {AddressPrefix}module.{call.Labels[0]}", () => resources.AddRange(child.Resources(counted)));
                }
            }
        }

        return resources;
    }

    private void Guarded(SourceSpan span, string what, Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // A bug met in one resource or module is reported for it; the rest of the configuration is still read.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _diagnostics.Add(Diagnostic.Error(span, $"{what} could not be evaluated and was not checked: internal error ({ex.GetType().Name}: {ex.Message}); please report it") with { Incomplete = IncompleteKind.Skipped });
        }
    }

    private static readonly HashSet<string> MetaBlocks = new(StringComparer.Ordinal) { "lifecycle", "provisioner", "connection", "timeouts" };

    private EvaluatedBody EvaluateBody(HclBody body, IHclScope scope, int depth)
    {
        var attributes = ImmutableArray.CreateBuilder<EvaluatedAttribute>();
        foreach (var attribute in body.Attributes)
        {
            if (attribute.Name is "count" or "for_each" or "depends_on" or "provider")
            {
                continue;
            }

            attributes.Add(new EvaluatedAttribute(attribute.Name, _evaluator.Evaluate(attribute.Expression, scope), attribute.Span));
        }

        var blocks = ImmutableArray.CreateBuilder<EvaluatedBlock>();
        if (depth < 32)
        {
            foreach (var block in body.Blocks)
            {
                if (MetaBlocks.Contains(block.Type))
                {
                    continue;
                }

                if (block.Type == "dynamic" && block.Labels.Length == 1)
                {
                    blocks.AddRange(Dynamic(block, scope, depth));
                    continue;
                }

                blocks.Add(new EvaluatedBlock(block.Type, block.Labels, EvaluateBody(block.Body, scope, depth + 1)));
            }
        }

        return new EvaluatedBody(attributes.ToImmutable(), blocks.ToImmutable(), body.Span);
    }

    private IEnumerable<EvaluatedBlock> Dynamic(HclBlock block, IHclScope scope, int depth)
    {
        var name = block.Labels[0];
        var iterator = block.Body.Attribute("iterator")?.Expression is VariableExpr v ? v.Name : name;
        var content = block.Body.BlocksOfType("content").FirstOrDefault();
        if (content is null || block.Body.Attribute("for_each") is not { } forEachAttribute)
        {
            yield break;
        }

        var forEach = _evaluator.Evaluate(forEachAttribute.Expression, scope);
        var elements = HclConvert.Elements(forEach, out var unknown);
        if (unknown is not null)
        {
            var u = unknown is HclUnknown { IsError: false } ? unknown : HclUnknown.Plain;
            yield return new EvaluatedBlock(name, [], EvaluateBody(content.Body, Bind(scope, iterator, Obj(("key", u), ("value", u))), depth + 1));
            yield break;
        }

        foreach (var (key, value) in elements.Take(1000))
        {
            var keyValue = forEach is HclTuple && value is HclString ? value : key;
            yield return new EvaluatedBlock(name, [], EvaluateBody(content.Body, Bind(scope, iterator, Obj(("key", keyValue), ("value", value))), depth + 1));
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_module.RelativeDirectory} ({AddressPrefix})");
}
