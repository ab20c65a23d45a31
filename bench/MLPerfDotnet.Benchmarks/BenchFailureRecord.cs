namespace MLPerfDotnet.Benchmarks;

/// <summary>The JSON line of a configuration that failed: which one, and the error (its message chain).</summary>
public sealed record BenchFailureRecord(string Side, string Kind, string Precision, string Device, string Error)
{
    public static BenchFailureRecord From(string kind, string precision, string device, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add($"{e.GetType().Name}: {e.Message}");
        return new BenchFailureRecord(TrainStepBenchmark.Side, kind, precision, device, string.Join(" ---> ", messages));
    }
}
