namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

/// <summary>Skips unless <c>MLPERF_BENCH=1</c>: <c>Skip</c> is set so that it shows as skipped, not passed.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MLPERF_BENCH") != "1") Skip = "a measurement: set MLPERF_BENCH=1 to run it";
    }
}
