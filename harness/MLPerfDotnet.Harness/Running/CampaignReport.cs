namespace MLPerfDotnet.Harness.Running;

/// <summary>The runs handled by one invocation, in order; <see cref="Stopped"/> says why it ended early, if it did.</summary>
public sealed record CampaignReport(IReadOnlyList<RunReport> Runs, string? Stopped)
{
    public bool Finished => Stopped is null;
}
