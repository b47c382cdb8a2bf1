using System.Globalization;

namespace Shipshape.Hcl.Evaluation;

/// <summary>HCL's automatic conversions between primitive types, equality and iteration.</summary>
public static class HclConvert
{
    public static bool TryBool(HclValue value, out bool result)
    {
        switch (value)
        {
            case HclBool b:
                result = b.Value;
                return true;
            case HclString { Value: "true" }:
                result = true;
                return true;
            case HclString { Value: "false" }:
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    public static bool TryNumber(HclValue value, out double result)
    {
        switch (value)
        {
            case HclNumber n:
                result = n.Value;
                return true;
            case HclString s:
                return double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
            default:
                result = 0;
                return false;
        }
    }

    public static bool TryString(HclValue value, out string result)
    {
        switch (value)
        {
            case HclString s:
                result = s.Value;
                return true;
            case HclNumber n:
                result = n.Text;
                return true;
            case HclBool b:
                result = b.Value ? "true" : "false";
                return true;
            default:
                result = string.Empty;
                return false;
        }
    }

    public static string TypeName(HclValue value) => value switch
    {
        HclNull => "null",
        HclBool => "bool",
        HclNumber => "number",
        HclString => "string",
        HclTuple => "list",
        HclObject => "object",
        _ => "unknown",
    };

    public static bool Equal(HclValue a, HclValue b)
    {
        switch (a, b)
        {
            case (HclNull, HclNull):
                return true;
            case (HclBool x, HclBool y):
                return x.Value == y.Value;
            case (HclNumber x, HclNumber y):
                return x.Value.Equals(y.Value);
            case (HclString x, HclString y):
                return string.Equals(x.Value, y.Value, StringComparison.Ordinal);
            case (HclTuple x, HclTuple y):
                return x.Items.Length == y.Items.Length && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second));
            case (HclObject x, HclObject y):
                return x.Items.Count == y.Items.Count && x.Items.All(p => y.Items.TryGetValue(p.Key, out var other) && Equal(p.Value, other));
            default:
                return false;
        }
    }

    /// <summary>The (key, value) pairs of a list (index keys) or object (string keys); an unknown collection is returned in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<(HclValue Key, HclValue Value)> Elements(HclValue collection, out HclValue? unknown)
    {
        unknown = null;
        switch (collection)
        {
            case HclTuple t:
                return [.. t.Items.Select((v, i) => ((HclValue)HclValue.Of(i), v))];
            case HclObject o:
                return [.. o.Items.Select(p => ((HclValue)HclValue.Of(p.Key), p.Value))];
            case HclUnknown u:
                unknown = u;
                return [];
            case HclNull:
                unknown = HclUnknown.Error("cannot iterate over null");
                return [];
            default:
                unknown = HclUnknown.Error($"cannot iterate over a {TypeName(collection)}");
                return [];
        }
    }
}
