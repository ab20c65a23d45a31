using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>Writes a <see cref="ResultsSummary"/> in one format. Presets: <see cref="SummaryExporters"/>.</summary>
public interface ISummaryExporter
{
    /// <summary>Short name, also the file name stem used by <see cref="SummaryExporters.WriteAll"/>.</summary>
    string Name { get; }

    /// <summary>File extension without the dot ("md", "csv", "json", "html").</summary>
    string Extension { get; }

    void Export(ResultsSummary summary, TextWriter writer);
}
