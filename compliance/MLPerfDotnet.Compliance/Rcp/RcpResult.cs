using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The verdict of an RCP check of one results folder. <see cref="Message"/> is upstream's text ("RCP found",
/// "RCP Interpolation", ...). <see cref="Log"/> holds upstream's log lines as findings (<see cref="FindingKind.Rcp"/>,
/// upstream's level, the message without its prefix) followed by this implementation's notes on input upstream would
/// crash on (notices). <see cref="ScalingFactor"/> is the factor upstream
/// writes to scaling.json (the check passed on its own and the submission converged faster than the RCP mean), else null.
/// </summary>
public sealed record RcpResult(
    bool Pass,
    string Message,
    double NormalizationFactor,
    RcpRecord? RecordUsed,
    double? SubmissionMean,
    double? BatchSize,
    string? Benchmark,
    IReadOnlyList<RcpRunReading> Runs,
    int NotConvergedCount,
    IReadOnlyList<Finding> Log,
    bool ScalingWritten,
    double? ScalingFactor)
{
    /// <summary>Epochs (or samples) to converge per result file name; 1e9 for a run that did not converge.</summary>
    public IReadOnlyDictionary<string, double> PerFileEpochs =>
        Runs.ToDictionary(r => r.FileName, r => r.EpochsToConverge, StringComparer.Ordinal);

    /// <summary>The upstream summarizer's short RCP state: Pass, Fail, Interp. Fail, Missing, No RCP or Unknown state.</summary>
    public string ShortState => Pass ? "Pass" : Message switch
    {
        "RCP found" => "Fail",
        "RCP Interpolation" => "Interp. Fail",
        "Cannot find any RCPs" => "No RCP",
        _ when Message.Contains("Missing", StringComparison.Ordinal) => "Missing",
        _ => "Unknown state",
    };
}
