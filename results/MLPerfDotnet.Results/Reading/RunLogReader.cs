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
        foreach (var line in MlLogReader.ReadFile(path))
        {
            string json = line.StrictJson;
            bool timing = !timingDone && json.Contains("run_st", StringComparison.Ordinal);
            bool eval = json.Contains(MlLogKeys.EvalAccuracy, StringComparison.Ordinal);
            if (!timing && !eval) continue;
            if (!line.TryParseStrict(out var e, out _)) continue;
            switch (e!.Key)
            {
                case MlLogKeys.RunStart when !timingDone: start = e.TimeMs; break;
                case MlLogKeys.RunStop when !timingDone: stop = e.TimeMs; break;
                case MlLogKeys.EvalAccuracy:
                    if (ToDouble(e.Value) is double accuracy && ToDouble(e.Metadata[MlLogKeys.EpochNum]) is double epoch)
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
