using System.Globalization;
using System.Text;

namespace MLPerfDotnet.Harness.Json;

/// <summary>
/// Python's <c>repr()</c> of the JSON values a log or a system description carries (None, bool, int, float, str,
/// list, dict), the one place it is written. Strings follow CPython's <c>unicode_repr</c>: the quote it picks, the
/// escapes <c>\t \n \r \\</c>, <c>\xNN</c>/<c>\uNNNN</c>/<c>\UNNNNNNNN</c> for what <c>str.isprintable</c> rejects,
/// everything printable (non-ASCII included) as it is.
/// </summary>
public static class PythonRepr
{
    /// <summary>Python <c>repr(value)</c>.</summary>
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>Python <c>repr(s)</c> of a string.</summary>
    public static string String(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendString(sb, s);
        return sb.ToString();
    }

    /// <summary>Python <c>repr</c> of a list of strings.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";

    public static void Append(StringBuilder sb, object? value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long or int: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FloatRepr(d)); break;
            case string s: AppendString(sb, s); break;
            case List<object?> list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, list[i]);
                }
                sb.Append(']');
                break;
            case JsonObject obj:
                sb.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendString(sb, obj[i].Key);
                    sb.Append(": ");
                    Append(sb, obj[i].Value);
                }
                sb.Append('}');
                break;
            default: sb.Append(value); break;
        }
    }

    private static string FloatRepr(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : PythonFloat.Format(d);

    public static void AppendString(StringBuilder sb, string s)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(s);
        char quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        sb.Append(quote);
        for (int i = 0; i < s.Length;)
        {
            // A lone surrogate (a JSON "\ud800" escape) is one code point of its own, as in Python.
            if (Rune.DecodeFromUtf16(s.AsSpan(i), out Rune rune, out int used) != System.Buffers.OperationStatus.Done)
            {
                AppendEscape(sb, s[i]);
                i++;
                continue;
            }
            i += used;
            int c = rune.Value;
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (IsPrintable(rune)) sb.Append(rune.ToString());
            else AppendEscape(sb, c);
        }
        sb.Append(quote);
    }

    private static void AppendEscape(StringBuilder sb, int c)
    {
        if (c <= 0xff) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
        else if (c <= 0xffff) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
        else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
    }

    // str.isprintable: false for Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };
}
