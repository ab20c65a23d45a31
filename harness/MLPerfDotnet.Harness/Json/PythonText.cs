using System.Globalization;
using System.Runtime.CompilerServices;

namespace MLPerfDotnet.Harness.Json;

/// <summary>Python's <c>str()</c>, <c>type().__name__</c>, <c>str.strip()</c> and <c>float(str)</c> for log values (<c>repr()</c>: <see cref="PythonRepr"/>).</summary>
public static class PythonText
{
    /// <summary>Python <c>str(value)</c>.</summary>
    public static string Str(object? value) => value is string s ? s : PythonRepr.Of(value);

    /// <summary>Python <c>type(value).__name__</c> of a JSON value.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int => "int",
        double => "float",
        string => "str",
        JsonObject => "dict",
        List<object?> => "list",
        _ => value.GetType().Name,
    };

    /// <summary>Python <c>str.strip()</c> with no argument: removes whitespace as <c>str.isspace</c> defines it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Strip(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>Python <c>str.rstrip()</c>.</summary>
    public static string StripEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && IsSpace(text[end - 1])) end--;
        return end == text.Length ? text : text[..end];
    }

    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85' or '\xa0'
        || (c > '\xff' && char.IsWhiteSpace(c));

    /// <summary>Python <c>float(text)</c>: surrounding whitespace, a sign, inf/infinity/nan, '_' between digits.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        string s = Strip(text);
        string body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        bool negative = s.StartsWith('-');
        switch (body.ToLowerInvariant())
        {
            case "inf" or "infinity": value = negative ? double.NegativeInfinity : double.PositiveInfinity; return true;
            case "nan": value = double.NaN; return true;
        }
        if (!IsDecimalLiteral(body)) return false;
        return double.TryParse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsDecimalLiteral(string s)
    {
        int i = 0, digits = ReadDigitPart(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            digits += ReadDigitPart(s, ref i);
        }
        if (digits == 0) return false;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            if (ReadDigitPart(s, ref i) == 0) return false;
        }
        return i == s.Length;
    }

    // digit (["_"] digit)*; returns the number of digits read (0 when none, position unchanged).
    private static int ReadDigitPart(string s, ref int i)
    {
        int count = 0;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i])) { count++; i++; }
            else if (s[i] == '_' && count > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])) i++;
            else break;
        }
        return count;
    }
}
