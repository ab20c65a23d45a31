using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>RFC 4180 CSV with a header row; numbers exact (Python repr).</summary>
public sealed class CsvSummaryExporter : ISummaryExporter
{
    public string Name => "summary";

    public string Extension => "csv";

    public void Export(ResultsSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(",", SummaryColumns.Names.Select(Quote)) + "\r\n");
        foreach (var s in summary.Systems) writer.Write(string.Join(",", SummaryColumns.Values(s).Select(Quote)) + "\r\n");
    }

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
