using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>A GitHub Markdown table (minutes to 4 decimals), followed by each system's messages.</summary>
public sealed class MarkdownSummaryExporter : ISummaryExporter
{
    public string Name => "summary";

    public string Extension => "md";

    public void Export(ResultsSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("| " + string.Join(" | ", SummaryColumns.Names) + " |");
        writer.WriteLine("|" + string.Concat(SummaryColumns.Names.Select(_ => "---|")));
        foreach (var s in summary.Systems)
            writer.WriteLine("| " + string.Join(" | ", SummaryColumns.Values(s, digits: 4).Select(Escape)) + " |");
        foreach (var s in summary.Systems.Where(s => s.Messages.Count > 0 || s.Rcp is not null))
        {
            writer.WriteLine();
            writer.WriteLine($"**{Escape(s.Submitter)} / {Escape(s.System)}**" + (s.Rcp is null ? "" : $": RCP {(s.Rcp.Pass ? "passed" : "failed")}, \"{Escape(s.Rcp.Message)}\""));
            foreach (var m in s.Messages) writer.WriteLine($"- {Escape(m.Message)}");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
