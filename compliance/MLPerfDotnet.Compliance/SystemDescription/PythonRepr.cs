using System.Text;

namespace MLPerfDotnet.Compliance.SystemDescription;

/// <summary>Python's <c>repr</c> of strings and lists of strings, for messages that upstream prints that way.</summary>
public static class PythonRepr
{
    public static string String(string s)
    {
        char quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";
}
