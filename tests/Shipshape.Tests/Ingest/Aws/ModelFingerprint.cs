using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Shipshape.Core.Model;

namespace Shipshape.Tests.Ingest.Aws;

/// <summary>
/// Prints a model record as "Field=value (origin)" lines, leaving out what is meant to differ between formats
/// (address, kind, span, format, a Terraform module's call chain, property paths, the link target's name, of which only its presence counts, and the
/// resource's own address where a value repeats it, as an inline rule's group does).
/// A field of a type it does not know fails the test, so a new model field cannot escape the parity test.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Tests run on the JIT and are never trimmed; reflection is how every model field gets compared.")]
public static class ModelFingerprint
{
    private static readonly ImmutableHashSet<string> FormatSpecific =
        ["Address", "Kind", "Span", "SourceFormat", "DisplayName", "Module", "LinkScope", "Suppressions", "Path", "EqualityContract"];

    public static ImmutableArray<string> Of(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lines = ImmutableArray.CreateBuilder<string>();
        Write(record, string.Empty, ((Resource)record).Address, lines);
        return lines.ToImmutable();
    }

    private static void Write(object record, string prefix, string address, ImmutableArray<string>.Builder lines)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (FormatSpecific.Contains(property.Name))
            {
                continue;
            }

            WriteValue(property.GetValue(record), prefix + property.Name, property.PropertyType, address, lines);
        }
    }

    private static void WriteValue(object? value, string name, Type type, string address, ImmutableArray<string>.Builder lines)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Value<>))
        {
            lines.Add(value is null ? $"{name}=<none>" : Describe(name, value, address));
        }
        else if (type == typeof(bool) || type == typeof(string))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
        }
        else if (type == typeof(PolicyDocument))
        {
            lines.Add($"{name}={(value is PolicyDocument document ? $"{document.Statements.Length} statement(s)" : "<none>")}");
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var items = ((IEnumerable)value!).Cast<object>().ToList();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}.Count={items.Count}"));
            var itemType = type.GetGenericArguments()[0];
            for (var i = 0; i < items.Count; i++)
            {
                WriteValue(items[i], string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), itemType, address, lines);
            }
        }
        else if (type == typeof(ServiceLoadBalancer) || type == typeof(SecurityGroupRule) || type == typeof(ClassicListener)
            || type == typeof(LoadBalancerPolicy) || type == typeof(PolicyAttribute))
        {
            Write(value!, name + ".", address, lines);
        }
        else
        {
            Assert.Fail($"ModelFingerprint does not know {type.Name} ({name}); teach it, so the field is compared.");
        }
    }

    private static string Describe(string name, object value, string address)
    {
        var type = value.GetType();
        var current = type.GetProperty("Current")!.GetValue(value);
        var origin = type.GetProperty("Origin")!.GetValue(value);
        var linked = type.GetProperty("Reference")!.GetValue(value) is null ? string.Empty : ", linked";
        var text = current switch
        {
            null => "null",
            string own when own == address => "<own address>",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => current.ToString(),
        };
        return $"{name}={text} ({origin}{linked})";
    }
}
