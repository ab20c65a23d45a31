namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// One reference convergence point with its statistics. <see cref="EpochsToConverge"/> is empty for an
/// interpolated record (named <c>&lt;benchmark&gt;_interp_&lt;bs&gt;</c>).
/// </summary>
public sealed record RcpRecord(
    string Name,
    string Benchmark,
    double BatchSize,
    IReadOnlyList<double> EpochsToConverge,
    double Mean,
    double Stdev,
    double MinEpochs,
    double MaxSpeedup,
    bool Interpolated);
