using System.Text;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// [end] A test run once after the last line (upstream: the END block): the sorted list <see cref="List"/>,
/// duplicates included, must equal the sorted <see cref="Required"/> names. <see cref="Text"/> is the upstream
/// expression that a failure message quotes.
/// </summary>
public sealed record EndCheck(string List, IReadOnlyList<string> Required, string Text)
{
    /// <summary>Upstream's expression as its YAML yields it: <c>sorted(s['L']) == sorted([</c>, one quoted name a line, <c>])</c>.</summary>
    public static string Render(string list, IEnumerable<string> required)
    {
        var text = new StringBuilder($"sorted(s['{list}']) == sorted([\n");
        foreach (string name in required) text.Append("    \"").Append(name).Append("\",\n");
        return text.Append("    ])\n").ToString();
    }
}
