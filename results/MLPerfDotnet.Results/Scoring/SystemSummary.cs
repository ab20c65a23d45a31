using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Results.Reading;

namespace MLPerfDotnet.Results.Scoring;

/// <summary>
/// One row of the summary: a system's unet3d score. <see cref="Score"/> = <see cref="Olympic"/> × <see cref="Scaling"/>
/// in minutes, null when too many runs failed. <see cref="Rcp"/> is null for the open division.
/// </summary>
public sealed record SystemSummary(
    SystemFolder Folder,
    SystemInfo Info,
    double? Score,
    double? Olympic,
    double Scaling,
    int Runs,
    int Failed,
    RcpResult? Rcp,
    IReadOnlyList<RunSummary> RunDetails,
    IReadOnlyList<string> Messages)
{
    public string Submitter => Info.Submitter;

    public string System => Folder.SystemId;

    /// <summary>Fine when it has a score and, in the closed division, passed the RCP check.</summary>
    public bool Ok => Score is not null && (Rcp is null || Rcp.Pass);
}
