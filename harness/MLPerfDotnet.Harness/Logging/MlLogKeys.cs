namespace MLPerfDotnet.Harness.Logging;

/// <summary>Log keys and values used by unet3d (mlperf_logging constants plus the reference's custom keys).</summary>
public static class MlLogKeys
{
    // Submission
    public const string SubmissionBenchmark = "submission_benchmark";
    public const string SubmissionDivision = "submission_division";
    public const string SubmissionOrg = "submission_org";
    public const string SubmissionPlatform = "submission_platform";
    public const string SubmissionStatus = "submission_status";

    // Timing
    public const string BlockStart = "block_start";
    public const string BlockStop = "block_stop";
    public const string EpochStart = "epoch_start";
    public const string EpochStop = "epoch_stop";
    public const string EvalStart = "eval_start";
    public const string EvalStop = "eval_stop";
    public const string InitStart = "init_start";
    public const string InitStop = "init_stop";
    public const string RunStart = "run_start";
    public const string RunStop = "run_stop";

    // Run info
    public const string CacheClear = "cache_clear";
    public const string EvalAccuracy = "eval_accuracy";
    public const string EvalError = "eval_error";
    public const string EvalSamples = "eval_samples";
    public const string Seed = "seed";
    public const string TrainSamples = "train_samples";
    public const string WeightsInitialization = "weights_initialization";

    // Hyperparameters
    public const string GlobalBatchSize = "global_batch_size";
    public const string GradientAccumulationSteps = "gradient_accumulation_steps";
    public const string OptBaseLearningRate = "opt_base_learning_rate";
    public const string OptLearningRateDecayBoundaryEpochs = "opt_learning_rate_decay_boundary_epochs";
    public const string OptLearningRateDecayFactor = "opt_learning_rate_decay_factor";
    public const string OptLearningRateWarmupEpochs = "opt_learning_rate_warmup_epochs";
    public const string OptName = "opt_name";
    public const string OptWeightDecay = "opt_weight_decay";

    // unet3d custom keys (no constant upstream)
    public const string OptMomentum = "opt_momentum";
    public const string Oversampling = "oversampling";
    public const string SamplesPerEpoch = "samples_per_epoch";
    public const string TrainingInputShape = "training_input_shape";
    public const string ValidationInputShape = "validation_input_shape";
    public const string ValidationOverlap = "validation_overlap";

    // Metadata keys
    public const string EpochCount = "epoch_count";
    public const string EpochNum = "epoch_num";
    public const string FirstEpochNum = "first_epoch_num";
    public const string SamplesCount = "samples_count";
    public const string Status = "status";
    public const string StepNum = "step_num";

    // Values
    public const string Aborted = "aborted";
    public const string Success = "success";
    public const string Unet3d = "unet3d";
}
