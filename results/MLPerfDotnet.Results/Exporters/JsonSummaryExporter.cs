using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary><c>{"systems": [{"submitter", "system", "score", "olympic", "scaling", "runs", "failed", ...}]}</c>, numbers exact.</summary>
public sealed class JsonSummaryExporter : ISummaryExporter
{
    public string Name => "summary";

    public string Extension => "json";

    public void Export(ResultsSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var root = new JsonObject { ["systems"] = summary.Systems.Select(ToJson).ToList() };
        writer.WriteLine(PythonJson.Serialize(root));
    }

    public static JsonObject ToJson(SystemSummary s) => new()
    {
        ["submitter"] = s.Submitter,
        ["system"] = s.System,
        ["score"] = s.Score,
        ["olympic"] = s.Olympic,
        ["scaling"] = s.Scaling,
        ["runs"] = s.Runs,
        ["failed"] = s.Failed,
        ["system_name"] = s.Info.SystemName,
        ["division"] = s.Info.Division,
        ["availability"] = s.Info.Availability,
        ["accelerator_model"] = s.Info.AcceleratorModel,
        ["accelerator_count"] = s.Info.AcceleratorCount,
        ["framework"] = s.Info.Framework,
        ["ruleset"] = s.Folder.Ruleset,
        ["results_dir"] = s.Folder.BenchmarkDir,
        ["rcp"] = s.Rcp is null ? null : new JsonObject
        {
            ["pass"] = s.Rcp.Pass,
            ["message"] = s.Rcp.Message,
            ["normalization_factor"] = s.Rcp.NormalizationFactor,
            ["submission_mean"] = s.Rcp.SubmissionMean,
            ["record"] = s.Rcp.RecordUsed?.Name,
        },
        ["messages"] = s.Messages.Select(m => (object?)m.Message).ToList(),
        ["reasons"] = s.Problems.ToList(),
        ["run_minutes"] = new JsonObject(s.RunDetails.Select(r => new KeyValuePair<string, object?>(r.FileName, r.Minutes))),
    };
}
