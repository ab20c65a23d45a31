namespace MLPerfDotnet.Results.Scoring;

/// <summary>The summary of a results tree: one row per system, in discovery order.</summary>
public sealed record ResultsSummary(string Path, IReadOnlyList<SystemSummary> Systems)
{
    public bool AllOk => Systems.Count > 0 && Systems.All(s => s.Ok);
}
