namespace MLPerfDotnet.Benchmarks;

/// <summary>One JSON line of a sliding-window evaluation benchmark (same schema as bench/pytorch_gpu_bench.py); times in ms per volume.</summary>
public sealed record EvalRecord(
    string Side, string Kind, string Precision, string Device, IReadOnlyList<int> Shape, int Roi, double Overlap,
    int WindowBatch, IReadOnlyList<int> Filters, int WindowsPerVolume, int Volumes, int WarmupVolumes, double FirstVolumeMs,
    double MedianMs, double MinMs, double MaxMs, double WindowsPerS, double? PeakUsedMib, string MemorySource);
