using MLPerfDotnet.Harness.Files;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>The exporter presets and a helper that writes several into a folder.</summary>
public static class SummaryExporters
{
    public static ISummaryExporter Markdown { get; } = new MarkdownSummaryExporter();

    public static ISummaryExporter Csv { get; } = new CsvSummaryExporter();

    public static ISummaryExporter Json { get; } = new JsonSummaryExporter();

    public static ISummaryExporter Html { get; } = new HtmlReportExporter();

    public static IReadOnlyList<ISummaryExporter> All { get; } = [Markdown, Csv, Json, Html];

    /// <summary>Writes each exporter's output to <c>&lt;dir&gt;/&lt;name&gt;.&lt;ext&gt;</c> (via a temp file, so a failure never leaves a half-written file); returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(Scoring.ResultsSummary summary, string dir, IEnumerable<ISummaryExporter> exporters)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var exporter in exporters)
        {
            string path = Path.Combine(dir, $"{exporter.Name}.{exporter.Extension}");
            AtomicFile.Write(path, temp =>
            {
                using var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false));
                exporter.Export(summary, writer);
            });
            written.Add(path);
        }
        return written;
    }
}
