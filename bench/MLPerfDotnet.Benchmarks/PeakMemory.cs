namespace MLPerfDotnet.Benchmarks;

/// <summary>High-water of a <see cref="DeviceMemoryProbe"/> over the samples taken (after each step or volume).</summary>
public sealed class PeakMemory(DeviceMemoryProbe? probe)
{
    public const string Source = "cudaMemGetInfo total-free (device used, sampled after each step)";

    private long? _peak;

    public void Sample()
    {
        if (probe?.UsedBytes() is long used && (_peak is null || used > _peak)) _peak = used;
    }

    /// <summary>The high-water in MiB, or null when there is no probe (CPU) or no sample was taken.</summary>
    public double? PeakMiB => _peak is long bytes ? Math.Round(bytes / 1048576.0, 1) : null;
}
