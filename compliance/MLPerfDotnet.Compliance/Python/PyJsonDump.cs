using System.Text;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Python;

/// <summary>
/// Python's <c>json.dumps(value, sort_keys=True, indent=2)</c>, which the upstream checker uses to print
/// the rule state and the offending line in a failed-CHECK message.
/// </summary>
public static class PyJsonDump
{
    public static string Pretty(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int level)
    {
        switch (value)
        {
            case List<object?> list:
                if (list.Count == 0) { sb.Append("[]"); return; }
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    sb.Append(i == 0 ? "\n" : ",\n").Append(' ', 2 * (level + 1));
                    Write(sb, list[i], level + 1);
                }
                sb.Append('\n').Append(' ', 2 * level).Append(']');
                return;
            case JsonObject obj:
                if (obj.Count == 0) { sb.Append("{}"); return; }
                sb.Append('{');
                bool first = true;
                foreach (var (name, member) in obj.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    sb.Append(first ? "\n" : ",\n").Append(' ', 2 * (level + 1));
                    first = false;
                    PythonJson.WriteString(sb, name);
                    sb.Append(": ");
                    Write(sb, member, level + 1);
                }
                sb.Append('\n').Append(' ', 2 * level).Append('}');
                return;
            default:
                PythonJson.Write(sb, value);
                return;
        }
    }
}
