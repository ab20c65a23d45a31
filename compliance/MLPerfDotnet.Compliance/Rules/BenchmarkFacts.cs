namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// What one edition says about one benchmark (<c>rules/training_X/benchmarks.yaml</c>): the result files a
/// submission holds (also the RCP checker's submission runs), the runs olympic scoring drops at each end of the
/// sorted list (also the non-converged or non-compliant runs tolerated), and the quality target where known.
/// </summary>
public sealed record BenchmarkFacts(string Benchmark, int ResultFiles, int OlympicDropped, double? Target)
{
    public const string Unet3d = "unet3d";
}
