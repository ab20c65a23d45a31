namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// One JSON line of a training-step benchmark (same schema as bench/pytorch_gpu_bench.py, which adds PyTorch's
/// allocator figures). Times in ms; <c>PeakUsedMib</c> is null where no CUDA memory probe exists (CPU).
/// </summary>
public sealed record TrainStepRecord(
    string Side, string Kind, string Precision, string Device, int Batch, int Size, IReadOnlyList<int> Filters,
    int Steps, int Warmup, double FirstStepMs, double MedianMs, double MinMs, double MaxMs, double SamplesPerS,
    double? TflopPerSample, double? Tflops, string FlopNote, double? PeakUsedMib, string MemorySource,
    double LossFirst, double LossLast);
