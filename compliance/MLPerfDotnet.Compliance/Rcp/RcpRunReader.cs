using System.Text;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// Reads one result file the way upstream's <c>read_submission_file</c> does (latin-1, the text after the last
/// <c>:::MLLOG </c> token, the last <c>global_batch_size</c> and <c>submission_benchmark</c> values, the
/// <c>epoch_num</c> of the last eval before <c>run_stop</c>), but never throws on bad input:
/// <list type="bullet">
/// <item>a line that names a key the checker reads but whose JSON does not parse is skipped with a note (upstream crashes);</item>
/// <item>an <c>eval_accuracy</c> without numeric <c>metadata.epoch_num</c> makes the convergence point unknown (upstream: KeyError) and, if it is the last eval before run_stop, the run counts as not converged;</item>
/// <item>a <c>run_stop</c> without <c>metadata.status</c> counts as not converged (upstream: KeyError 'status').</item>
/// </list>
/// </summary>
public static class RcpRunReader
{
    public static RcpRunReading Read(string path)
    {
        var notes = new List<string>();
        bool converged = false;
        double epochs = RcpRunReading.NotConvergedEpochs;
        double? bs = null;
        string? benchmark = null;
        double? lastEval = null;
        bool sawRunStop = false;
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.Latin1))
        {
            lineNumber++;
            string? json = MlLogLine.ExtractJson(line);
            if (json is null || !NamesAKeyOfInterest(json)) continue;
            JsonObject? obj;
            try
            {
                obj = PythonJson.Parse(json) as JsonObject;
            }
            catch (JsonParseException e)
            {
                notes.Add($"{path}:{lineNumber}: MLLOG line skipped, its JSON does not parse ({e.Message})");
                continue;
            }
            if (obj?["key"] is not string key) continue;
            var metadata = obj["metadata"] as JsonObject;
            switch (key)
            {
                case "global_batch_size":
                    bs = RcpDataFile.ToDouble(obj["value"]);
                    if (bs is null) notes.Add($"{path}:{lineNumber}: global_batch_size value is not a number");
                    break;
                case "submission_benchmark":
                    benchmark = obj["value"] as string;
                    break;
                case "eval_accuracy" or "eval_error":
                    lastEval = metadata is not null && RcpDataFile.ToDouble(metadata["epoch_num"]) is double e ? Round3(e) : null;
                    if (lastEval is null) notes.Add($"{path}:{lineNumber}: {key} has no numeric metadata.epoch_num, the convergence point is unknown");
                    break;
                case "run_stop":
                    sawRunStop = true;
                    string? status = metadata?["status"] as string;
                    if (status is null) notes.Add($"{path}:{lineNumber}: run_stop has no metadata.status, the run counts as not converged");
                    converged = status == "success" && lastEval is not null;
                    if (status == "success" && lastEval is null)
                        notes.Add($"{path}:{lineNumber}: run_stop says success but no eval before it has an epoch_num, the run counts as not converged");
                    epochs = converged ? lastEval!.Value : RcpRunReading.NotConvergedEpochs;
                    break;
            }
        }
        if (!sawRunStop) notes.Add($"{path}: no run_stop, the run counts as not converged");
        return new RcpRunReading(path, converged, epochs, bs, benchmark, notes);
    }

    // Like upstream, only lines that mention a key the checker reads are parsed (the others cannot change the verdict).
    private static bool NamesAKeyOfInterest(string json) =>
        json.Contains("run_stop", StringComparison.Ordinal) || json.Contains("eval_accuracy", StringComparison.Ordinal)
        || json.Contains("global_batch_size", StringComparison.Ordinal) || json.Contains("submission_benchmark", StringComparison.Ordinal)
        || json.Contains("eval_error", StringComparison.Ordinal);

    private static double Round3(double value) => value == Math.Floor(value) ? value : Math.Round(value, 3, MidpointRounding.ToEven);
}
