using System.Globalization;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>The table columns shared by every exporter, in order, with their text values for one row.</summary>
public static class SummaryColumns
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "submitter", "system", "division", "availability", "accelerator_model", "accelerator_count", "framework",
        "score", "olympic", "scaling", "runs", "failed", "rcp", "reason",
    ];

    /// <summary>Row values; numbers are exact (Python repr) unless <paramref name="digits"/> is given.</summary>
    public static IReadOnlyList<string> Values(SystemSummary s, int? digits = null) =>
    [
        s.Submitter, s.System, s.Info.Division, s.Info.Availability, s.Info.AcceleratorModel,
        s.Info.AcceleratorCount?.ToString(CultureInfo.InvariantCulture) ?? "", s.Info.Framework,
        Number(s.Score, digits), Number(s.Olympic, digits), Number(s.Scaling, digits),
        s.Runs.ToString(CultureInfo.InvariantCulture), s.Failed.ToString(CultureInfo.InvariantCulture),
        s.Rcp is null ? "" : s.Rcp.ShortState,
        string.Join("; ", s.Problems),
    ];

    public static string Number(double? value, int? digits = null) => value switch
    {
        null => "",
        double v when digits is int d => v.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        double v => PythonFloat.Format(v),
    };
}
