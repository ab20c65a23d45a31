using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Python;

/// <summary>
/// Python semantics for the JSON values a log line carries (null, bool, long, double, string,
/// <see cref="List{T}"/>, <see cref="JsonObject"/>): <c>==</c>, ordering, <c>in</c> and type names.
/// The upstream checker evaluates its rules with Python, so equality is numeric across bool/int/float
/// (<c>168.0 == 168</c>, <c>True == 1</c>) and a string never equals a number.
/// </summary>
public static class PyValue
{
    public static bool IsNumber(object? value) => value is bool or long or int or double;

    /// <summary>Python <c>a == b</c>. NaN never equals anything.</summary>
    public static bool Equal(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b)) return Compare(a!, b!) == 0;
        switch (a)
        {
            case null: return b is null;
            case string s: return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case List<object?> list:
                if (b is not List<object?> other || other.Count != list.Count) return false;
                for (int i = 0; i < list.Count; i++)
                    if (!Equal(list[i], other[i])) return false;
                return true;
            case JsonObject obj:
                if (b is not JsonObject o || o.Count != obj.Count) return false;
                foreach (var (name, member) in obj)
                    if (!o.TryGetValue(name, out object? m) || !Equal(member, m)) return false;
                return true;
            default: return false;
        }
    }

    /// <summary>
    /// Compares two numbers (bool/int/float) exactly as Python does; null when unordered (a NaN).
    /// </summary>
    public static int? Compare(object a, object b)
    {
        if (a is double || b is double)
        {
            double da = ToDouble(a), db = ToDouble(b);
            if (double.IsNaN(da) || double.IsNaN(db)) return null;
            if (a is double && b is double) return da.CompareTo(db);
            return a is double ? -CompareIntFloat(ToLong(b), da) : CompareIntFloat(ToLong(a), db);
        }
        return ToLong(a).CompareTo(ToLong(b));
    }

    /// <summary>Python <c>item in container</c> for a string item; null when Python raises TypeError.</summary>
    public static bool? Contains(object? container, string item) => container switch
    {
        JsonObject obj => obj.ContainsKey(item),
        List<object?> list => list.Exists(e => Equal(e, item)),
        string s => s.Contains(item, StringComparison.Ordinal),
        _ => null,
    };

    private static int CompareIntFloat(long l, double d)
    {
        if (double.IsPositiveInfinity(d)) return -1;
        if (double.IsNegativeInfinity(d)) return 1;
        double floor = Math.Floor(d);
        if (floor >= 9223372036854775808.0) return -1;
        if (floor < -9223372036854775808.0) return 1;
        long whole = (long)floor;
        if (l != whole) return l.CompareTo(whole);
        return d > floor ? -1 : 0;
    }

    private static double ToDouble(object n) => n switch
    {
        double d => d,
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        _ => throw new ArgumentException("not a number", nameof(n)),
    };

    private static long ToLong(object n) => n switch
    {
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        _ => throw new ArgumentException("not an integer", nameof(n)),
    };
}
