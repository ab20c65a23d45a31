using System.Text;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Results.Reading;

/// <summary>Reads <see cref="RunLog"/> facts from a result file (latin-1, prefixes before the last MLLOG token ignored). Never throws on content.</summary>
public static class RunLogReader
{
    public static RunLog Read(string path)
    {
        long? start = null, stop = null;
        bool timingDone = false;
        var evals = new List<EvalPoint>();
        foreach (string line in File.ReadLines(path, Encoding.Latin1))
        {
            string? json = MlLogLine.ExtractJson(line);
            if (json is null) continue;
            bool timing = !timingDone && json.Contains("run_st", StringComparison.Ordinal);
            bool eval = json.Contains("eval_accuracy", StringComparison.Ordinal);
            if (!timing && !eval) continue;
            if (!MlLogLine.TryParse(line, out var e, out _)) continue;
            switch (e!.Key)
            {
                case "run_start" when !timingDone: start = e.TimeMs; break;
                case "run_stop" when !timingDone: stop = e.TimeMs; break;
                case "eval_accuracy":
                    if (ToDouble(e.Value) is double accuracy && ToDouble(e.Metadata["epoch_num"]) is double epoch)
                        evals.Add(new EvalPoint(epoch, accuracy));
                    break;
            }
            timingDone = start is not null && stop is not null;
        }
        return new RunLog(path, start, stop, evals);
    }

    private static double? ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        _ => null,
    };
}
