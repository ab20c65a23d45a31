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
/// Fed line by line (<see cref="Accept"/>), so it can share another reader's pass; <see cref="Finish"/> names the file.
/// </summary>
public sealed class RcpRunReader
{
    private readonly List<(int? Line, string Text)> _notes = [];
    private bool _converged;
    private double _epochs = RcpRunReading.NotConvergedEpochs;
    private double? _batchSize;
    private string? _benchmark;
    private double? _lastEval;
    private bool _sawRunStop;

    public static RcpRunReading Read(string path)
    {
        var reader = new RcpRunReader();
        foreach (var line in MlLogReader.ReadFile(path)) reader.Accept(line);
        return reader.Finish(path);
    }

    public void Accept(MlLogTokenLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.IsOverlong)
        {
            _notes.Add((line.PhysicalLine, $"MLLOG line skipped: {line.Upstream.Error}"));
            return;
        }
        string json = line.StrictJson;
        if (!NamesAKeyOfInterest(json)) return;
        int lineNumber = line.PhysicalLine;
        if (!line.TryParseJson(json, out object? root, out var jsonError))
        {
            _notes.Add((lineNumber, $"MLLOG line skipped, its JSON does not parse ({jsonError!.Message})"));
            return;
        }
        var obj = root as JsonObject;
        if (obj?["key"] is not string key) return;
        var metadata = obj["metadata"] as JsonObject;
        switch (key)
        {
            case MlLogKeys.GlobalBatchSize:
                _batchSize = RcpDataFile.ToDouble(obj["value"]);
                if (_batchSize is null) _notes.Add((lineNumber, "global_batch_size value is not a number"));
                break;
            case MlLogKeys.SubmissionBenchmark:
                _benchmark = obj["value"] as string;
                break;
            case MlLogKeys.EvalAccuracy or MlLogKeys.EvalError:
                _lastEval = metadata is not null && RcpDataFile.ToDouble(metadata[MlLogKeys.EpochNum]) is double e ? Round3(e) : null;
                if (_lastEval is null) _notes.Add((lineNumber, $"{key} has no numeric metadata.epoch_num, the convergence point is unknown"));
                break;
            case MlLogKeys.RunStop:
                _sawRunStop = true;
                string? status = metadata?[MlLogKeys.Status] as string;
                if (status is null) _notes.Add((lineNumber, "run_stop has no metadata.status, the run counts as not converged"));
                _converged = status == MlLogKeys.Success && _lastEval is not null;
                if (status == MlLogKeys.Success && _lastEval is null)
                    _notes.Add((lineNumber, "run_stop says success but no eval before it has an epoch_num, the run counts as not converged"));
                _epochs = _converged ? _lastEval!.Value : RcpRunReading.NotConvergedEpochs;
                break;
        }
    }

    /// <summary>The reading of the lines accepted so far, its notes naming <paramref name="path"/>.</summary>
    public RcpRunReading Finish(string path)
    {
        var notes = _notes.Select(n => n.Line is int line ? $"{path}:{line}: {n.Text}" : $"{path}: {n.Text}").ToList();
        if (!_sawRunStop) notes.Add($"{path}: no run_stop, the run counts as not converged");
        return new RcpRunReading(path, _converged, _epochs, _batchSize, _benchmark, notes);
    }

    // Like upstream, only lines that mention a key the checker reads are parsed (the others cannot change the verdict).
    private static bool NamesAKeyOfInterest(string json) =>
        json.Contains(MlLogKeys.RunStop, StringComparison.Ordinal) || json.Contains(MlLogKeys.EvalAccuracy, StringComparison.Ordinal)
        || json.Contains(MlLogKeys.GlobalBatchSize, StringComparison.Ordinal) || json.Contains(MlLogKeys.SubmissionBenchmark, StringComparison.Ordinal)
        || json.Contains(MlLogKeys.EvalError, StringComparison.Ordinal);

    private static double Round3(double value) => value == Math.Floor(value) ? value : Math.Round(value, 3, MidpointRounding.ToEven);
}
