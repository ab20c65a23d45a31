namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// What the RCP checker reads from one result file. <see cref="EpochsToConverge"/> is the <c>epoch_num</c> of the
/// last <c>eval_accuracy</c> before a successful <c>run_stop</c>, or 1e9 when the run does not count as converged.
/// <see cref="BatchSize"/> is null when the file logs no numeric <c>global_batch_size</c>. <see cref="Notes"/> explain,
/// with file and line, every place where upstream would have crashed or guessed.
/// </summary>
public sealed record RcpRunReading(
    string File,
    bool Converged,
    double EpochsToConverge,
    double? BatchSize,
    string? Benchmark,
    IReadOnlyList<string> Notes)
{
    public const double NotConvergedEpochs = 1e9;

    public string FileName => Path.GetFileName(File);
}
