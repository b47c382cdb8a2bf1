using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Shipshape.Hcl.Syntax;

namespace Shipshape.Hcl.Evaluation;

/// <summary>
/// The Terraform functions infrastructure code uses. An unknown argument makes the result unknown (with its
/// links); a wrong argument is an error-unknown; a function not implemented here is a plain unknown, never a guess.
/// </summary>
public static class HclFunctions
{
    private delegate HclValue Function(ImmutableArray<HclValue> args, HclCallContext context);

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly Dictionary<string, Function> Table = new(StringComparer.Ordinal)
    {
        ["jsonencode"] = JsonEncode,
        ["jsondecode"] = (a, _) => Str(a, 0) is { } s ? HclJson.Decode(s) : Bad("jsondecode needs a string"),
        ["yamlencode"] = (_, _) => HclUnknown.Plain,
        ["merge"] = Merge,
        ["concat"] = (a, _) => a.All(v => v is HclTuple or HclNull) ? new HclTuple([.. a.OfType<HclTuple>().SelectMany(t => t.Items)]) : Bad("concat needs lists"),
        ["format"] = Format,
        ["formatlist"] = FormatList,
        ["lookup"] = Lookup,
        ["coalesce"] = (a, _) => a.FirstOrDefault(v => v is not HclNull && !(v is HclString { Value.Length: 0 })) ?? Bad("coalesce: no non-null argument"),
        ["coalescelist"] = (a, _) => a.FirstOrDefault(v => v is HclTuple { Items.Length: > 0 }) ?? Bad("coalescelist: no non-empty list"),
        ["join"] = Join,
        ["split"] = (a, _) => Str(a, 0) is { } sep && Str(a, 1) is { } s ? new HclTuple([.. s.Split(sep).Select(p => (HclValue)HclValue.Of(p))]) : Bad("split needs strings"),
        ["replace"] = Replace,
        ["lower"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(s.ToLowerInvariant()) : Bad("lower needs a string"),
        ["upper"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(s.ToUpperInvariant()) : Bad("upper needs a string"),
        ["title"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s)) : Bad("title needs a string"),
        ["trimspace"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(s.Trim()) : Bad("trimspace needs a string"),
        ["trim"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } cs ? HclValue.Of(s.Trim(cs.ToCharArray())) : Bad("trim needs strings"),
        ["trimprefix"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } p ? HclValue.Of(s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s) : Bad("trimprefix needs strings"),
        ["trimsuffix"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } p ? HclValue.Of(s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s) : Bad("trimsuffix needs strings"),
        ["substr"] = Substr,
        ["startswith"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } p ? HclValue.Of(s.StartsWith(p, StringComparison.Ordinal)) : Bad("startswith needs strings"),
        ["endswith"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } p ? HclValue.Of(s.EndsWith(p, StringComparison.Ordinal)) : Bad("endswith needs strings"),
        ["strcontains"] = (a, _) => Str(a, 0) is { } s && Str(a, 1) is { } p ? HclValue.Of(s.Contains(p, StringComparison.Ordinal)) : Bad("strcontains needs strings"),
        ["strrev"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(new string([.. s.Reverse()])) : Bad("strrev needs a string"),
        ["indent"] = (a, _) => Num(a, 0) is { } n && Str(a, 1) is { } s ? HclValue.Of(s.Replace("\n", "\n" + new string(' ', (int)n), StringComparison.Ordinal)) : Bad("indent"),
        ["chomp"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(s.TrimEnd('\r', '\n')) : Bad("chomp needs a string"),
        ["tostring"] = (a, _) => a.Length == 1 && a[0] is HclNull ? a[0] : Str(a, 0) is { } s ? HclValue.Of(s) : Bad("tostring needs a primitive"),
        ["tonumber"] = (a, _) => a.Length == 1 && a[0] is HclNull ? a[0] : Num(a, 0) is { } n ? HclValue.Of(n) : Bad("tonumber: not a number"),
        ["tobool"] = (a, _) => a.Length == 1 && a[0] is HclNull ? a[0] : a.Length == 1 && HclConvert.TryBool(a[0], out var b) ? HclValue.Of(b) : Bad("tobool: not a bool"),
        ["tolist"] = (a, _) => a.Length == 1 && a[0] is HclTuple ? a[0] : Bad("tolist needs a list"),
        ["toset"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? Distinct(t) : Bad("toset needs a list"),
        ["tomap"] = (a, _) => a.Length == 1 && a[0] is HclObject ? a[0] : Bad("tomap needs an object"),
        ["length"] = Length,
        ["element"] = Element,
        ["flatten"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? Flatten(t, 0) : Bad("flatten needs a list"),
        ["distinct"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? Distinct(t) : Bad("distinct needs a list"),
        ["keys"] = (a, _) => a.Length == 1 && a[0] is HclObject o ? new HclTuple([.. o.Items.Keys.Select(k => (HclValue)HclValue.Of(k))]) : Bad("keys needs a map"),
        ["values"] = (a, _) => a.Length == 1 && a[0] is HclObject o ? new HclTuple([.. o.Items.Values]) : Bad("values needs a map"),
        ["contains"] = (a, _) => a.Length == 2 && a[0] is HclTuple t ? HclValue.Of(t.Items.Any(i => HclConvert.Equal(i, a[1]))) : Bad("contains needs a list"),
        ["index"] = (a, _) => a.Length == 2 && a[0] is HclTuple t && t.Items.ToList().FindIndex(i => HclConvert.Equal(i, a[1])) is var i and >= 0 ? HclValue.Of(i) : Bad("index: not found"),
        ["compact"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? new HclTuple([.. t.Items.Where(i => i is not HclNull && !(i is HclString { Value.Length: 0 }))]) : Bad("compact needs a list"),
        ["zipmap"] = ZipMap,
        ["range"] = Range,
        ["slice"] = Slice,
        ["reverse"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? new HclTuple([.. t.Items.Reverse()]) : Bad("reverse needs a list"),
        ["sort"] = (a, _) => a.Length == 1 && a[0] is HclTuple t && t.Items.All(i => i is HclString) ? new HclTuple([.. t.Items.OrderBy(i => ((HclString)i).Value, StringComparer.Ordinal)]) : Bad("sort needs a list of strings"),
        ["one"] = (a, _) => a.Length == 1 && a[0] is HclTuple t && t.Items.Length <= 1 ? (t.Items.Length == 0 ? HclValue.Null : t.Items[0]) : Bad("one needs a list of at most one element"),
        ["chunklist"] = ChunkList,
        ["setunion"] = (a, _) => a.All(v => v is HclTuple) ? Distinct(new HclTuple([.. a.OfType<HclTuple>().SelectMany(t => t.Items)])) : Bad("setunion needs sets"),
        ["setintersection"] = (a, _) => a.Length > 0 && a.All(v => v is HclTuple) ? Distinct(new HclTuple([.. ((HclTuple)a[0]).Items.Where(i => a.Skip(1).All(o => ((HclTuple)o).Items.Any(x => HclConvert.Equal(x, i))))])) : Bad("setintersection needs sets"),
        ["setsubtract"] = (a, _) => a.Length == 2 && a[0] is HclTuple x && a[1] is HclTuple y ? new HclTuple([.. x.Items.Where(i => !y.Items.Any(o => HclConvert.Equal(o, i)))]) : Bad("setsubtract needs sets"),
        ["alltrue"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? AllAny(t, true) : Bad("alltrue needs a list"),
        ["anytrue"] = (a, _) => a.Length == 1 && a[0] is HclTuple t ? AllAny(t, false) : Bad("anytrue needs a list"),
        ["sum"] = (a, _) => a.Length == 1 && a[0] is HclTuple t && t.Items.All(i => i is HclNumber) ? HclValue.Of(t.Items.Sum(i => ((HclNumber)i).Value)) : Bad("sum needs numbers"),
        ["min"] = (a, c) => a.Length > 0 && a.All(v => HclConvert.TryNumber(v, out _)) ? HclValue.Of(a.Min(v => Num(v)!.Value)) : Bad("min needs numbers"),
        ["max"] = (a, c) => a.Length > 0 && a.All(v => HclConvert.TryNumber(v, out _)) ? HclValue.Of(a.Max(v => Num(v)!.Value)) : Bad("max needs numbers"),
        ["abs"] = (a, _) => Num(a, 0) is { } n ? HclValue.Of(Math.Abs(n)) : Bad("abs needs a number"),
        ["ceil"] = (a, _) => Num(a, 0) is { } n ? HclValue.Of(Math.Ceiling(n)) : Bad("ceil needs a number"),
        ["floor"] = (a, _) => Num(a, 0) is { } n ? HclValue.Of(Math.Floor(n)) : Bad("floor needs a number"),
        ["pow"] = (a, _) => Num(a, 0) is { } x && Num(a, 1) is { } y ? HclValue.Of(Math.Pow(x, y)) : Bad("pow needs numbers"),
        ["parseint"] = ParseInt,
        ["base64encode"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(Convert.ToBase64String(Encoding.UTF8.GetBytes(s))) : Bad("base64encode needs a string"),
        ["base64decode"] = Base64Decode,
        ["md5"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)))) : Bad("md5 needs a string"),
        ["sha1"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(s)))) : Bad("sha1 needs a string"),
        ["sha256"] = (a, _) => Str(a, 0) is { } s ? HclValue.Of(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))) : Bad("sha256 needs a string"),
        ["regex"] = (a, _) => Regex(a, all: false),
        ["regexall"] = (a, _) => Regex(a, all: true),
        ["file"] = File,
        ["fileexists"] = (a, c) => Str(a, 0) is { } p && c.Scope.Files is { } fs ? HclValue.Of(fs.Read(p) is not null) : HclUnknown.Plain,
        ["templatefile"] = TemplateFile,
        ["basename"] = (a, _) => Str(a, 0) is { } p ? HclValue.Of(p.TrimEnd('/')[(p.TrimEnd('/').LastIndexOf('/') + 1)..]) : Bad("basename needs a string"),
        ["dirname"] = (a, _) => Str(a, 0) is { } p ? HclValue.Of(p.Contains('/', StringComparison.Ordinal) ? p[..p.LastIndexOf('/')] : ".") : Bad("dirname needs a string"),
        ["cidrsubnet"] = CidrSubnet,
        ["cidrhost"] = CidrHost,
        ["cidrnetmask"] = CidrNetmask,
        ["sensitive"] = (a, _) => a.Length == 1 ? a[0] : Bad("sensitive takes one argument"),
        ["nonsensitive"] = (a, _) => a.Length == 1 ? a[0] : Bad("nonsensitive takes one argument"),
        ["type"] = (a, _) => a.Length == 1 ? HclValue.Of(HclConvert.TypeName(a[0])) : Bad("type takes one argument"),
    };

    /// <summary>Functions whose result depends on when or where Terraform runs: always unknown.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "timestamp", "uuid", "bcrypt", "uuidv5", "plantimestamp", "abspath", "pathexpand", "filebase64", "filebase64sha256", "filemd5", "filesha256", "fileset",
    };

    public static bool IsKnownFunction(string name) => Table.ContainsKey(name) || Volatile.Contains(name) || name is "try" or "can";

    public static HclValue Call(string name, ImmutableArray<HclValue> args, HclCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Table.TryGetValue(name, out var function))
        {
            return HclUnknown.Plain with { Reason = $"function {name}() is not evaluated" };
        }

        if (name != "jsonencode" && args.Any(a => a is HclUnknown))
        {
            var merged = HclUnknown.Merge(args);
            return args.OfType<HclUnknown>().Any(u => u.IsError) ? merged with { IsError = true } : merged;
        }

        // No function needs more input than one value may hold; checked before the function allocates anything.
        var inputSize = args.Aggregate(0L, (total, a) => HclValue.AddSizes(total, a.Size));
        if (inputSize > HclBudget.MaxValueSize)
        {
            return Bad($"{name}: arguments too large (more than {HclBudget.MaxValueSize} characters or elements)");
        }

        var usesRegex = name is "regex" or "regexall" or "replace";
        if (usesRegex && context.Evaluator.Budget.RegexGaveUp)
        {
            return Bad($"{name}: not run, an earlier regex of this configuration ran out of time");
        }

        try
        {
            return function(args, context);
        }
        catch (RegexMatchTimeoutException ex)
        {
            context.Evaluator.Budget.RegexGaveUp = true;
            return Bad($"{name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Bad($"{name}: {ex.Message}");
        }
    }

    private static HclUnknown Bad(string reason) => HclUnknown.Error(reason);

    private static HclUnknown TooLarge(string function) => Bad($"{function}: result too large (more than {HclBudget.MaxValueSize} characters or elements)");

    /// <summary>Widths and precisions beyond this are refused: "%999999999d" would ask for a gigabyte of padding.</summary>
    private const int MaxFormatWidth = 10_000;

    private static int FormatWidth(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width <= MaxFormatWidth
            ? width
            : throw new ArgumentException($"width or precision '{digits}' is larger than {MaxFormatWidth}");

    private static string? Str(ImmutableArray<HclValue> args, int index) =>
        index < args.Length && HclConvert.TryString(args[index], out var s) ? s : null;

    private static double? Num(ImmutableArray<HclValue> args, int index) => index < args.Length ? Num(args[index]) : null;

    private static double? Num(HclValue value) => HclConvert.TryNumber(value, out var n) ? n : null;

    private static HclValue JsonEncode(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 1)
        {
            return Bad("jsonencode takes one argument");
        }

        var value = args[0];
        if (value is HclUnknown u)
        {
            return u;
        }

        return value.IsWhollyKnown
            ? new HclString(HclJson.Encode(value)) { JsonSource = value }
            : HclUnknown.Merge(Unknowns(value)) with { JsonSource = value };
    }

    private static IEnumerable<HclValue> Unknowns(HclValue value) => value switch
    {
        HclUnknown => [value],
        HclTuple t => t.Items.SelectMany(Unknowns),
        HclObject o => o.Items.Values.SelectMany(Unknowns),
        _ => [],
    };

    private static HclValue Merge(ImmutableArray<HclValue> args, HclCallContext context)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            switch (arg)
            {
                case HclNull:
                    continue;
                case HclObject o:
                    foreach (var (k, v) in o.Items)
                    {
                        builder[k] = v;
                    }

                    break;
                default:
                    return Bad("merge needs maps");
            }
        }

        return new HclObject(builder.ToImmutable());
    }

    private static HclValue Lookup(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length is < 2 or > 3 || args[0] is not HclObject map || Str(args, 1) is not { } key)
        {
            return Bad("lookup needs a map and a key");
        }

        return map.Get(key) ?? (args.Length == 3 ? args[2] : Bad($"lookup: no key '{key}'"));
    }

    private static HclValue Join(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length < 2 || Str(args, 0) is not { } separator)
        {
            return Bad("join needs a separator and lists");
        }

        var parts = new List<string>();
        foreach (var list in args.Skip(1))
        {
            if (list is not HclTuple t)
            {
                return Bad("join needs lists");
            }

            foreach (var item in t.Items)
            {
                if (item is HclUnknown)
                {
                    return item;
                }

                if (!HclConvert.TryString(item, out var s))
                {
                    return Bad("join needs lists of strings");
                }

                parts.Add(s);
            }
        }

        var length = parts.Aggregate((long)separator.Length * Math.Max(0, parts.Count - 1), (total, part) => total + part.Length);
        return length > HclBudget.MaxValueSize ? TooLarge("join") : HclValue.Of(string.Join(separator, parts));
    }

    private static HclValue Replace(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } s || Str(args, 1) is not { } search || Str(args, 2) is not { } replacement)
        {
            return Bad("replace needs strings");
        }

        // The result can be the input with every match grown to the replacement (an empty regex matches everywhere).
        var matches = search.Length is 0 or > 2 && search[0] == '/' && search[^1] == '/' ? s.Length + 1L : (s.Length / Math.Max(1, search.Length)) + 1L;
        if (s.Length + (matches * replacement.Length) > HclBudget.MaxValueSize)
        {
            return TooLarge("replace");
        }

        if (search.Length > 2 && search[0] == '/' && search[^1] == '/')
        {
            var regex = new Regex(search[1..^1], RegexOptions.CultureInvariant, RegexTimeout);
            return HclValue.Of(regex.Replace(s, replacement.Replace("$", "$$", StringComparison.Ordinal).Replace("$$1", "$1", StringComparison.Ordinal)));
        }

        return search.Length == 0 ? HclValue.Of(s) : HclValue.Of(s.Replace(search, replacement, StringComparison.Ordinal));
    }

    private static HclValue Substr(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } s || Num(args, 1) is not { } offset || Num(args, 2) is not { } length)
        {
            return Bad("substr needs a string, an offset and a length");
        }

        var start = (int)(offset < 0 ? Math.Max(0, s.Length + offset) : Math.Min(offset, s.Length));
        var count = length < 0 ? s.Length - start : (int)Math.Min(length, s.Length - start);
        return HclValue.Of(s.Substring(start, count));
    }

    private static HclValue Length(ImmutableArray<HclValue> args, HclCallContext context) => args.Length != 1 ? Bad("length takes one argument") : args[0] switch
    {
        HclTuple t => HclValue.Of(t.Items.Length),
        HclObject o => HclValue.Of(o.Items.Count),
        HclString s => HclValue.Of(new StringInfo(s.Value).LengthInTextElements),
        _ => Bad("length needs a collection or a string"),
    };

    private static HclValue Element(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 2 || args[0] is not HclTuple { Items.Length: > 0 } t || Num(args, 1) is not { } n)
        {
            return Bad("element needs a non-empty list and an index");
        }

        return t.Items[(int)n % t.Items.Length];
    }

    private static HclValue Flatten(HclTuple list, int depth)
    {
        if (depth > 64)
        {
            return Bad("flatten: nested too deeply");
        }

        var items = ImmutableArray.CreateBuilder<HclValue>();
        foreach (var item in list.Items)
        {
            if (item is HclTuple inner)
            {
                var flat = Flatten(inner, depth + 1);
                if (flat is not HclTuple f)
                {
                    return flat;
                }

                items.AddRange(f.Items);
            }
            else
            {
                items.Add(item);
            }
        }

        return new HclTuple(items.ToImmutable());
    }

    /// <summary>Collections compared pairwise beyond this many elements would take quadratic time; primitives are hashed at any size.</summary>
    private const int MaxPairwiseDistinct = 4096;

    private static HclValue Distinct(HclTuple list)
    {
        var items = new List<HclValue>();
        if (list.Items.All(i => i is HclString or HclNumber or HclBool))
        {
            var seen = new HashSet<(Type, string)>();
            foreach (var item in list.Items)
            {
                if (seen.Add((item.GetType(), item is HclString s ? s.Value : item is HclNumber n ? n.Text : ((HclBool)item).Value ? "true" : "false")))
                {
                    items.Add(item);
                }
            }

            return new HclTuple([.. items]);
        }

        if (list.Items.Length > MaxPairwiseDistinct)
        {
            return Bad($"distinct: more than {MaxPairwiseDistinct} collections to compare");
        }

        foreach (var item in list.Items)
        {
            if (!items.Any(i => HclConvert.Equal(i, item)))
            {
                items.Add(item);
            }
        }

        return new HclTuple([.. items]);
    }

    private static HclValue ZipMap(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 2 || args[0] is not HclTuple keys || args[1] is not HclTuple values || keys.Items.Length != values.Items.Length)
        {
            return Bad("zipmap needs two lists of the same length");
        }

        var pairs = new List<KeyValuePair<string, HclValue>>();
        for (var i = 0; i < keys.Items.Length; i++)
        {
            if (!HclConvert.TryString(keys.Items[i], out var key))
            {
                return keys.Items[i] is HclUnknown u ? u : Bad("zipmap keys must be strings");
            }

            pairs.Add(new(key, values.Items[i]));
        }

        return HclObject.From(pairs);
    }

    private static HclValue Range(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length is < 1 or > 3 || args.Any(a => !HclConvert.TryNumber(a, out _)))
        {
            return Bad("range needs numbers");
        }

        var (start, end, step) = args.Length switch
        {
            1 => (0d, Num(args[0])!.Value, 1d),
            2 => (Num(args[0])!.Value, Num(args[1])!.Value, 1d),
            _ => (Num(args[0])!.Value, Num(args[1])!.Value, Num(args[2])!.Value),
        };
        var count = step == 0 ? double.PositiveInfinity : Math.Ceiling((end - start) / step);
        if (!double.IsFinite(count) || count > 1024)
        {
            return Bad("range: too many elements");
        }

        // Each element from its index: "v += step" never advances where step is below the numbers' precision (1e16 + 1).
        var items = ImmutableArray.CreateBuilder<HclValue>();
        for (var i = 0; i < (int)Math.Max(0, count); i++)
        {
            items.Add(HclValue.Of(start + (i * step)));
        }

        return new HclTuple(items.ToImmutable());
    }

    private static HclValue Slice(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 3 || args[0] is not HclTuple t || Num(args, 1) is not { } from || Num(args, 2) is not { } to || from < 0 || to > t.Items.Length || from > to)
        {
            return Bad("slice needs a list and a valid range");
        }

        return new HclTuple(t.Items[(int)from..(int)to]);
    }

    private static HclValue ChunkList(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 2 || args[0] is not HclTuple t || Num(args, 1) is not { } size || size < 0)
        {
            return Bad("chunklist needs a list and a size");
        }

        if (size == 0)
        {
            return new HclTuple([t]);
        }

        return new HclTuple([.. t.Items.Chunk((int)size).Select(c => (HclValue)new HclTuple([.. c]))]);
    }

    private static HclValue AllAny(HclTuple list, bool all)
    {
        foreach (var item in list.Items)
        {
            if (item is HclUnknown)
            {
                return item;
            }

            if (!HclConvert.TryBool(item, out var b))
            {
                return Bad("needs bools");
            }

            if (b != all)
            {
                return HclValue.Of(!all);
            }
        }

        return HclValue.Of(all);
    }

    private static HclValue ParseInt(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } s || Num(args, 1) is not { } radix || radix is < 2 or > 62)
        {
            return Bad("parseint needs a string and a base");
        }

        return HclValue.Of(Convert.ToInt64(s, (int)radix));
    }

    private static HclValue Base64Decode(ImmutableArray<HclValue> args, HclCallContext context)
    {
        var s = Str(args, 0);
        var bytes = new byte[(s?.Length ?? 0) * 3 / 4 + 3];
        return s is not null && Convert.TryFromBase64String(s, bytes, out var written)
            ? HclValue.Of(Encoding.UTF8.GetString(bytes, 0, written))
            : Bad("base64decode: invalid base64");
    }

    private static HclValue Regex(ImmutableArray<HclValue> args, bool all)
    {
        if (Str(args, 0) is not { } pattern || Str(args, 1) is not { } s)
        {
            return Bad("regex needs a pattern and a string");
        }

        var regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        HclValue Result(Match m)
        {
            var names = regex.GetGroupNames().Where(n => !int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)).ToList();
            if (names.Count > 0)
            {
                return HclObject.From(names.Select(n => new KeyValuePair<string, HclValue>(n, HclValue.Of(m.Groups[n].Value))));
            }

            return m.Groups.Count > 1 ? new HclTuple([.. m.Groups.Cast<Group>().Skip(1).Select(g => (HclValue)HclValue.Of(g.Value))]) : HclValue.Of(m.Value);
        }

        if (all)
        {
            return new HclTuple([.. regex.Matches(s).Select(Result)]);
        }

        var match = regex.Match(s);
        return match.Success ? Result(match) : Bad("regex: no match");
    }

    private static HclValue Format(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } spec)
        {
            return Bad("format needs a format string");
        }

        var text = new StringBuilder();
        var next = 1;
        for (var i = 0; i < spec.Length; i++)
        {
            if (spec[i] != '%')
            {
                text.Append(spec[i]);
                continue;
            }

            var j = i + 1;
            while (j < spec.Length && (char.IsAsciiDigit(spec[j]) || spec[j] is '.' or '-' or '+' or '#' or ' '))
            {
                j++;
            }

            if (j >= spec.Length)
            {
                return Bad("format: incomplete verb");
            }

            var verb = spec[j];
            var flags = spec[(i + 1)..j];
            i = j;
            if (verb == '%')
            {
                text.Append('%');
                continue;
            }

            if (next >= args.Length)
            {
                return Bad("format: not enough arguments");
            }

            var arg = args[next++];
            switch (verb)
            {
                case 's' or 'v':
                    if (!HclConvert.TryString(arg, out var s))
                    {
                        if (verb == 'v')
                        {
                            s = HclJson.Encode(arg);
                        }
                        else
                        {
                            return Bad("format: %s needs a primitive");
                        }
                    }

                    text.Append(Pad(s, flags));
                    break;
                case 'q':
                    text.Append(HclJson.Encode(HclValue.Of(HclConvert.TryString(arg, out var q) ? q : string.Empty)));
                    break;
                case 'd':
                    if (Num(arg) is not { } d)
                    {
                        return Bad("format: %d needs a number");
                    }

                    var digits = ((long)d).ToString(CultureInfo.InvariantCulture);
                    text.Append(flags.Length > 0 && flags[0] == '0' && flags.All(char.IsAsciiDigit) ? digits.PadLeft(FormatWidth(flags), '0') : Pad(digits, flags));
                    break;
                case 'f' or 'g' or 'e':
                    if (Num(arg) is not { } f)
                    {
                        return Bad("format: %f needs a number");
                    }

                    var precisionText = flags.Contains('.', StringComparison.Ordinal) ? flags[(flags.IndexOf('.', StringComparison.Ordinal) + 1)..] : string.Empty;
                    var precision = precisionText.Length > 0 && precisionText.All(char.IsAsciiDigit) ? FormatWidth(precisionText) : 6;
                    text.Append(f.ToString(verb == 'f' ? "F" + precision : "G", CultureInfo.InvariantCulture));
                    break;
                case 't':
                    text.Append(HclConvert.TryBool(arg, out var b) ? (b ? "true" : "false") : "?");
                    break;
                case 'x' or 'X' or 'o' or 'b':
                    if (Num(arg) is not { } x)
                    {
                        return Bad("format: needs a number");
                    }

                    text.Append(Convert.ToString((long)x, verb switch { 'o' => 8, 'b' => 2, _ => 16 }));
                    break;
                default:
                    return Bad($"format: unsupported verb %{verb}");
            }
        }

        return HclValue.Of(text.ToString());
    }

    private static string Pad(string s, string flags)
    {
        var left = flags.StartsWith('-');
        var digits = new string([.. flags.TrimStart('-').TakeWhile(char.IsAsciiDigit)]);
        if (digits.Length == 0)
        {
            return s;
        }

        var width = FormatWidth(digits);
        return left ? s.PadRight(width) : s.PadLeft(width);
    }

    private static HclValue FormatList(ImmutableArray<HclValue> args, HclCallContext context)
    {
        var length = args.Skip(1).OfType<HclTuple>().Select(t => t.Items.Length).DefaultIfEmpty(1).Max();
        var items = ImmutableArray.CreateBuilder<HclValue>();
        var size = 1L;
        for (var i = 0; i < length; i++)
        {
            var row = args.Select((a, n) => n > 0 && a is HclTuple t ? (i < t.Items.Length ? t.Items[i] : HclValue.Null) : a).ToImmutableArray();
            var formatted = Format(row, context);
            if (formatted is HclUnknown)
            {
                return formatted;
            }

            size += formatted.Size;
            if (size > HclBudget.MaxValueSize)
            {
                return TooLarge("formatlist");
            }

            items.Add(formatted);
        }

        return new HclTuple(items.ToImmutable());
    }

    private static HclValue File(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } path)
        {
            return Bad("file needs a path");
        }

        if (!context.Evaluator.Budget.SpendRead())
        {
            return Bad("too many file reads");
        }

        if (context.Scope.Files?.Read(path) is not { } file)
        {
            return HclUnknown.Plain with { Reason = $"file '{path}' is not readable within the scanned root" };
        }

        return new HclString(file.Text) { TextOrigin = new Shipshape.Core.SourceSpan(file.DisplayPath, 1, 1, 1, 1) };
    }

    private static HclValue TemplateFile(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (args.Length != 2 || Str(args, 0) is not { } path || args[1] is not HclObject variables)
        {
            return Bad("templatefile needs a path and a map of variables");
        }

        if (!context.Evaluator.Budget.SpendRead())
        {
            return Bad("too many file reads");
        }

        if (context.Scope.Files?.Read(path) is not { } file)
        {
            return HclUnknown.Plain with { Reason = $"template '{path}' is not readable within the scanned root" };
        }

        var (template, diagnostics) = HclParser.ParseTemplate(file.DisplayPath, file.Text, 1);
        if (template is null || !diagnostics.IsEmpty)
        {
            return Bad($"templatefile: {diagnostics.FirstOrDefault()?.Message}");
        }

        var scope = new HclScope(variables.Items.ToImmutableDictionary(StringComparer.Ordinal), null, context.Scope.Files);
        var value = context.Evaluator.Evaluate(template, new TemplateFunctionScope(scope));
        return value is HclString s ? s with { TextOrigin = new Shipshape.Core.SourceSpan(file.DisplayPath, 1, 1, 1, 1) } : value;
    }

    /// <summary>A templatefile's scope: only its variables (Terraform gives templates no access to the module's names).</summary>
    private sealed class TemplateFunctionScope(HclScope inner) : IHclScope
    {
        public IHclFileSystem? Files => inner.Files;

        public HclValue? Lookup(string root, string? attribute, Shipshape.Core.SourceSpan span) => inner.Lookup(root, attribute, span);
    }

    private static HclValue CidrSubnet(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } prefix || Num(args, 1) is not { } newBits || Num(args, 2) is not { } netNum || !TryCidr(prefix, out var address, out var length, out var bits))
        {
            return Bad("cidrsubnet needs a CIDR prefix and two numbers");
        }

        var newLength = length + (int)newBits;
        if (newLength > bits || netNum < 0 || (newBits < 64 && netNum >= Math.Pow(2, newBits)))
        {
            return Bad("cidrsubnet: not enough address space");
        }

        var network = Mask(address, length, bits) | ((UInt128)(ulong)netNum << (bits - newLength));
        return HclValue.Of($"{Format(network, bits)}/{newLength}");
    }

    private static HclValue CidrHost(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } prefix || Num(args, 1) is not { } hostNum || !TryCidr(prefix, out var address, out var length, out var bits))
        {
            return Bad("cidrhost needs a CIDR prefix and a number");
        }

        var size = bits - length >= 64 ? ulong.MaxValue : (1UL << (bits - length));
        var offset = hostNum < 0 ? size - (ulong)(-hostNum) : (ulong)hostNum;
        return HclValue.Of(Format(Mask(address, length, bits) + offset, bits));
    }

    private static HclValue CidrNetmask(ImmutableArray<HclValue> args, HclCallContext context)
    {
        if (Str(args, 0) is not { } prefix || !TryCidr(prefix, out _, out var length, out var bits) || bits != 32)
        {
            return Bad("cidrnetmask needs an IPv4 CIDR prefix");
        }

        return HclValue.Of(Format(Mask(UInt128.MaxValue >> 96, length, 32), 32));
    }

    private static UInt128 Mask(UInt128 address, int length, int bits)
    {
        var hostBits = bits - length;
        var mask = hostBits >= 128 ? UInt128.Zero : ~((UInt128.One << hostBits) - 1);
        if (bits == 32)
        {
            mask &= uint.MaxValue;
        }

        return address & mask;
    }

    private static bool TryCidr(string text, out UInt128 address, out int length, out int bits)
    {
        address = 0;
        length = 0;
        bits = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var ip)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out length))
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        foreach (var b in bytes)
        {
            address = (address << 8) | b;
        }

        return length >= 0 && length <= bits;
    }

    private static string Format(UInt128 address, int bits)
    {
        var bytes = new byte[bits / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(address & 0xFF);
            address >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
