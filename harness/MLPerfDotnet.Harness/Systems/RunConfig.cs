using System.Text.Json.Serialization;

namespace MLPerfDotnet.Harness.Systems;

/// <summary>
/// How one system trains unet3d (the role of the reference's run_and_time.sh constants and NVIDIA's
/// config_*.sh): <c>systems/&lt;name&gt;.config.json</c>, snake_case keys. Defaults are the reference's
/// run_and_time.sh values (1 rank, batch 2, lr 0.8, warmup 200, eval from 1000 every 20, 128³).
/// </summary>
public sealed record RunConfig
{
    /// <summary>Processes (one GPU each on a GPU system); launched through mpiexec when more than 1.</summary>
    public int Ranks { get; init; } = 1;

    /// <summary>Samples per rank per iteration (one forward and backward).</summary>
    public int BatchSize { get; init; } = 2;

    /// <summary>Iterations whose gradients add up before one optimizer step (the reference's --ga_steps).</summary>
    public int GradientAccumulationSteps { get; init; } = 1;

    public double LearningRate { get; init; } = 0.8;

    public double InitLearningRate { get; init; } = 1e-4;

    public int WarmupEpochs { get; init; } = 200;

    public int[] LrDecayEpochs { get; init; } = [];

    public double LrDecayFactor { get; init; } = 1.0;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 0.0;

    public int MaxEpochs { get; init; } = 4000;

    public int StartEvalAt { get; init; } = 1000;

    public int EvaluateEvery { get; init; } = 20;

    public double QualityThreshold { get; init; } = 0.908;

    public int[] InputShape { get; init; } = [128, 128, 128];

    public int[] ValInputShape { get; init; } = [128, 128, 128];

    public double Overlap { get; init; } = 0.5;

    public double Oversampling { get; init; } = 0.4;

    /// <summary>U-Net widths; the reference is [32, 64, 128, 256, 320].</summary>
    public int[] Filters { get; init; } = [32, 64, 128, 256, 320];

    private readonly string? _precision;

    /// <summary>
    /// fp32 (the reference), bf16 or fp16. Left out, it follows the device: fp16 on CUDA (autocast with dynamic loss
    /// scaling, as NVIDIA's unet3d submissions and the RCP runs behind GBS 28/56/64), fp32 on the CPU.
    /// </summary>
    public string Precision
    {
        get => _precision ?? (Device == "cpu" ? "fp32" : "fp16");
        init => _precision = value;
    }

    /// <summary>cpu, cuda or cuda:N (local rank picks the GPU under MPI when "cuda").</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>cudnn.benchmark on a GPU (the reference's --cudnn_benchmark; cuDNN times its algorithms per shape once).</summary>
    public bool CudnnBenchmark { get; init; } = true;

    /// <summary>Preprocessed data (case_XXXXX_x.npy / _y.npy). Relative paths are relative to the working directory.</summary>
    public string DataDir { get; init; } = "/data";

    /// <summary>kits19 (DataDir holds the preprocessed reference data) or synthetic (generated into DataDir when missing).</summary>
    public string Dataset { get; init; } = "kits19";

    /// <summary>Size of each synthetic volume per axis before preprocessing padding (synthetic only).</summary>
    public int SyntheticSize { get; init; } = 48;

    /// <summary>samples (epoch_num = epoch × samples_per_epoch, v3.1+ logs and RCPs) or epochs (the reference code).</summary>
    public string EpochUnits { get; init; } = "samples";

    /// <summary>Sliding-window windows per forward pass.</summary>
    public int EvalBatchSize { get; init; } = 1;

    public int LoaderWorkers { get; init; } = 2;

    /// <summary>Torch intra-op threads per rank (0: libtorch's default).</summary>
    public int TorchThreads { get; init; }

    /// <summary>Values of the submission_* log keys.</summary>
    public string Org { get; init; } = "MLPerfDotnet";

    public string Division { get; init; } = "closed";

    public string Status { get; init; } = "onprem";

    public string Platform { get; init; } = "";

    /// <summary>The MLPerf Training rules edition a closed-division run is checked against before it starts (its RCPs).</summary>
    public string Ruleset { get; init; } = "4.0.0";

    /// <summary>Samples per optimizer step over the config's ranks: batch_size × ranks × gradient_accumulation_steps.</summary>
    [JsonIgnore]
    public int GlobalBatchSize => GlobalBatchSizeAt(Ranks);

    /// <summary>Samples per optimizer step when <paramref name="worldSize"/> ranks run this config.</summary>
    public int GlobalBatchSizeAt(int worldSize) => BatchSize * worldSize * GradientAccumulationSteps;

    /// <summary>Every problem with the values, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string field, string what)
        {
            if (!ok) errors.Add($"{field}: {what}");
        }
        Require(Ranks >= 1, "ranks", "must be at least 1");
        Require(BatchSize >= 1, "batch_size", "must be at least 1");
        Require(GradientAccumulationSteps >= 1, "gradient_accumulation_steps", "must be at least 1");
        Require(LearningRate > 0, "learning_rate", "must be positive");
        Require(InitLearningRate >= 0, "init_learning_rate", "must not be negative");
        Require(WarmupEpochs >= 0, "warmup_epochs", "must not be negative");
        Require(LrDecayEpochs.All(e => e > 0), "lr_decay_epochs", "epochs must be positive");
        Require(Momentum is >= 0 and < 1, "momentum", "must be in [0, 1)");
        Require(WeightDecay >= 0, "weight_decay", "must not be negative");
        Require(MaxEpochs >= 1, "max_epochs", "must be at least 1");
        Require(StartEvalAt >= 1, "start_eval_at", "must be at least 1 (epochs are numbered from 1)");
        Require(EvaluateEvery >= 1, "evaluate_every", "must be at least 1");
        Require(QualityThreshold is > 0 and <= 1, "quality_threshold", "must be in (0, 1]");
        Require(InputShape.Length == 3 && InputShape.All(s => s > 0), "input_shape", "must be 3 positive sizes");
        Require(ValInputShape.Length == 3 && ValInputShape.All(s => s > 0), "val_input_shape", "must be 3 positive sizes");
        Require(Overlap is >= 0 and < 1, "overlap", "must be in [0, 1)");
        Require(Oversampling is >= 0 and <= 1, "oversampling", "must be in [0, 1]");
        Require(Filters.Length >= 2 && Filters.All(f => f > 0), "filters", "must be at least 2 positive widths");
        Require(Precision is "fp32" or "bf16" or "fp16", "precision", "must be fp32, bf16 or fp16");
        Require(Device == "cpu" || Device == "cuda" || Device.StartsWith("cuda:", StringComparison.Ordinal), "device", "must be cpu, cuda or cuda:N");
        Require(Dataset is "kits19" or "synthetic", "dataset", "must be kits19 or synthetic");
        Require(EpochUnits is "samples" or "epochs", "epoch_units", "must be samples or epochs");
        Require(EvalBatchSize >= 1, "eval_batch_size", "must be at least 1");
        Require(LoaderWorkers >= 0, "loader_workers", "must not be negative");
        Require(TorchThreads >= 0, "torch_threads", "must not be negative");
        Require(Division is "closed" or "open", "division", "must be closed or open");
        Require(System.Text.RegularExpressions.Regex.IsMatch(Ruleset, @"^\d+\.\d+\.\d+$"), "ruleset", "must be a rules edition such as 4.0.0");
        Require(Status is "onprem" or "cloud" or "preview" or "research", "status", "must be onprem, cloud, preview or research");
        if (Filters.Length >= 2)
        {
            int reduction = 1 << Filters.Length;
            Require(InputShape.All(s => s % reduction == 0 && s / reduction >= 2), "input_shape",
                $"each size must be a multiple of {reduction} (2^levels for filters of length {Filters.Length}) and at least {2 * reduction}");
            Require(ValInputShape.All(s => s % reduction == 0 && s / reduction >= 2), "val_input_shape",
                $"each size must be a multiple of {reduction} and at least {2 * reduction}");
        }
        return errors;
    }
}
