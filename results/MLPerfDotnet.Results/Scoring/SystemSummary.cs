using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Results.Reading;

namespace MLPerfDotnet.Results.Scoring;

/// <summary>
/// One row of the summary: a system's unet3d score. <see cref="Score"/> = <see cref="Olympic"/> × <see cref="Scaling"/>
/// in minutes, null when too many runs failed. <see cref="Rcp"/> is null for the open division. <see cref="Messages"/> are
/// upstream's summarizer lines as findings (<see cref="FindingKind.Summary"/>), their text unchanged.
/// <see cref="Reasons"/> say why the row cannot be trusted as a submission score (a missing system description,
/// "10 of 40 runs", a failed RCP check naming the files); any reason makes the row not <see cref="Ok"/>.
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
    IReadOnlyList<Finding> Messages,
    IReadOnlyList<string>? Reasons = null)
{
    public IReadOnlyList<string> Problems => Reasons ?? [];

    public string Submitter => Info.Submitter;

    public string System => Folder.SystemId;

    /// <summary>Fine when it has a score, no reason against it and, in the closed division, passed the RCP check.</summary>
    public bool Ok => Score is not null && (Rcp is null || Rcp.Pass) && Problems.Count == 0;
}
