using System.Globalization;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>Parses case selections such as <c>0-209</c>, <c>5</c> or <c>0-9,42,100-104</c> (inclusive, sorted, distinct).</summary>
public static class CaseRange
{
    public const int MaxCase = 99_999;

    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cases = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new FormatException($"Empty item in case list '{text}'.");
            int dash = raw.IndexOf('-', 1);
            int from = ParseCase(raw[..(dash < 0 ? raw.Length : dash)], text);
            int to = dash < 0 ? from : ParseCase(raw[(dash + 1)..], text);
            if (to < from) throw new FormatException($"Case range '{raw}' in '{text}' ends before it starts.");
            for (int c = from; c <= to; c++) cases.Add(c);
        }
        return [.. cases];
    }

    private static int ParseCase(string item, string text)
    {
        if (!int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > MaxCase)
            throw new FormatException($"'{item}' in case list '{text}' is not a case number between 0 and {MaxCase}.");
        return value;
    }
}
