using System.Text.RegularExpressions;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// Upstream builds two messages from Python sets, so their order varies from run to run (expected.json README):
/// "Required AT_LEAST_ONE occurrence of 'a' or 'b'" (names and message order) and the value list of
/// "... with different values: [x, y]". This puts both in a canonical form; the alternatives messages are
/// compared as a set, everything else in order.
/// </summary>
public static partial class MessageNormalizer
{
    public static (List<string> Ordered, HashSet<string> Alternatives) Split(IEnumerable<string> messages)
    {
        var ordered = new List<string>();
        var alternatives = new HashSet<string>(StringComparer.Ordinal);
        foreach (string m in messages)
        {
            var alt = Alternatives().Match(m);
            if (alt.Success)
                alternatives.Add(string.Join(" or ", Names().Matches(alt.Groups[1].Value).Select(x => x.Value).Order(StringComparer.Ordinal)));
            else ordered.Add(SortValues(m));
        }
        return (ordered, alternatives);
    }

    private static string SortValues(string message)
    {
        var m = DifferentValues().Match(message);
        if (!m.Success) return message;
        var values = m.Groups[2].Value.Split(", ").Order(StringComparer.Ordinal);
        return m.Groups[1].Value + "[" + string.Join(", ", values) + "]";
    }

    [GeneratedRegex(@"^Required AT_LEAST_ONE occurrence of ('[^']*'(?: or '[^']*')+)$")]
    private static partial Regex Alternatives();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Names();

    [GeneratedRegex(@"^(Required EXACTLY_ONE occurrence of '[^']*' but found \d+ with different values: )\[(.*)\]$")]
    private static partial Regex DifferentValues();
}
