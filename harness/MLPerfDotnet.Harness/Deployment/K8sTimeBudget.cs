using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The default wall-clock limit of a cluster run (T9k <c>WorkflowRun.spec.timeout</c>, Kubeflow
/// <c>runPolicy.activeDeadlineSeconds</c>), derived from the system's expected time instead of the seed's flat 1 h:
/// the data step's allowance, plus the training of a slowly converging run at a conservative per-GPU speed, with the
/// evaluations' share on top, rounded up to whole hours. docs/cluster.md shows the figures per system.
/// </summary>
public sealed record K8sTimeBudget
{
    /// <summary>The budget docs/cluster.md derives its figures from.</summary>
    public static K8sTimeBudget Default { get; } = new();

    /// <summary>Download (≈ 29 GB of KiTS19), preprocessing and md5 verification on a 4-CPU pod, plus image pulls.</summary>
    public TimeSpan DataStep { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>Epochs of a slow run: above every run of the GBS-28 and GBS-56 RCPs (at most 3,400 and 3,780 epochs).</summary>
    public int SlowRunEpochs { get; init; } = 4000;

    /// <summary>Training samples in one epoch of KiTS19 (unet3d-reference.md).</summary>
    public int SamplesPerEpoch { get; init; } = 168;

    /// <summary>
    /// Training samples per second per GPU at 128³ in fp32 (TF32): about half the 19.1–22.2 measured on an H100
    /// (platform.md §3.6), for an A100, as NVIDIA's A100 and H100 logs differ by about 2× (unet3d-reference.md §8.3).
    /// </summary>
    public double SamplesPerSecondPerGpu { get; init; } = 10.0;

    /// <summary>Evaluation every 20 epochs adds about 26 % to the training compute (unet3d-reference.md §8.1).</summary>
    public double EvaluationShare { get; init; } = 0.26;

    /// <summary>The limit for a run of <paramref name="config"/>: whole hours, at least the data step plus one hour.</summary>
    public TimeSpan For(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        int epochs = Math.Min(SlowRunEpochs, config.MaxEpochs);
        double trainingSeconds = epochs * (double)SamplesPerEpoch / (Math.Max(1, config.Ranks) * SamplesPerSecondPerGpu) * (1 + EvaluationShare);
        var total = DataStep + TimeSpan.FromSeconds(trainingSeconds);
        return TimeSpan.FromHours(Math.Max(Math.Ceiling(total.TotalHours), Math.Ceiling((DataStep + TimeSpan.FromHours(1)).TotalHours)));
    }
}
