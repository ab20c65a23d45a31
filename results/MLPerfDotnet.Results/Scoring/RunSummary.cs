using MLPerfDotnet.Results.Reading;

namespace MLPerfDotnet.Results.Scoring;

/// <summary>One result file in a system's summary: its minutes, whether it counts, and why not.</summary>
public sealed record RunSummary(
    string File,
    double? Minutes,
    bool Counted,
    bool InScoredWindow,
    IReadOnlyList<string> Problems,
    IReadOnlyList<EvalPoint> Evals)
{
    public string FileName => Path.GetFileName(File);
}
