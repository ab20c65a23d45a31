using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Python;

/// <summary>Python's <c>str()</c>, <c>repr()</c>, <c>str.strip()</c> and <c>float(str)</c> for log values.</summary>
public static class PyText
{
    /// <summary>Python <c>str(value)</c>.</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>Python <c>repr(value)</c>.</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value);
        return sb.ToString();
    }

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

    private static void AppendRepr(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long or int: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FloatStr(d)); break;
            case string s: AppendStringRepr(sb, s); break;
            case List<object?> list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendRepr(sb, list[i]);
                }
                sb.Append(']');
                break;
            case JsonObject obj:
                sb.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendStringRepr(sb, obj[i].Key);
                    sb.Append(": ");
                    AppendRepr(sb, obj[i].Value);
                }
                sb.Append('}');
                break;
            default: sb.Append(value); break;
        }
    }

    private static string FloatStr(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : PythonFloat.Format(d);

    private static void AppendStringRepr(StringBuilder sb, string s)
    {
        char quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        sb.Append(quote);
        foreach (char c in s)
        {
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (IsPrintable(c)) sb.Append(c);
            else if (c <= '\xff') sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
    }

    private static bool IsPrintable(char c)
    {
        if (c == ' ') return true;
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
