namespace MLPerfDotnet.Results.Reading;

/// <summary>
/// The timing and evaluation facts of one result file: the run_start and run_stop timestamps upstream's summarizer
/// uses (scanning stops once both are set), and every eval_accuracy with numeric epoch and value.
/// </summary>
public sealed record RunLog(string File, long? RunStartMs, long? RunStopMs, IReadOnlyList<EvalPoint> Evals)
{
    /// <summary>(run_stop - run_start) / 60 / 1000 in the same floating-point order as upstream; null if either is missing.</summary>
    public double? Minutes => RunStartMs is long start && RunStopMs is long stop ? (double)(stop - start) / 60 / 1000 : null;
}
