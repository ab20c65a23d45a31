using TorchSharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Native;
using static MLPerfDotnet.Harness.Logging.MlLogger;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// One timed unet3d run, logged as the reference's main.py + training.py do: init_start, submission and
/// hyperparameter keys, weights_initialization, init_stop/run_start (sync'd), dataset sizes, then one block per
/// epoch with evaluations on the reference cadence, and run_stop with status success or aborted. Whatever goes
/// wrong after run_start, run_stop aborted is still written before the error propagates.
/// </summary>
public sealed class Unet3dBenchmark(RunConfig config, MlLogger log, ICommunicator comm, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Runs to success, divergence or max epochs. <paramref name="seed"/> -1 draws a random master seed.</summary>
    public RunOutcome Run(long seed, CancellationToken cancellation = default)
    {
        log.Start(MlLogKeys.InitStart);
        LogSubmission();
        var seeds = DistributedSeeds.Create(comm, seed, config.MaxEpochs);
        log.Event(MlLogKeys.Seed, seeds.LoggedSeed);
        LogHyperparameters();

        if (config.TorchThreads > 0) set_num_threads(config.TorchThreads);
        manual_seed(seeds.WorkerSeed);
        var device = TorchDevices.Resolve(config.Device, comm);
        if (device.type == TorchSharp.DeviceType.CUDA && CudaBackend.TryConfigure(config.CudnnBenchmark, allowTf32: true) is { } warning)
            _logger.LogWarning("{Warning}", warning);
        using var model = new Unet3D(new Unet3dOptions(config.Filters));
        foreach (string name in model.WeightInitializationNames())
            log.Event(MlLogKeys.WeightsInitialization, metadata: Meta("tensor", name));
        model.to(device);
        GradientAverager.BroadcastParameters(comm, model);
        using var optimizer = optim.SGD(model.parameters(), config.LearningRate, momentum: config.Momentum,
            weight_decay: config.WeightDecay, nesterov: true);

        log.End(MlLogKeys.InitStop, sync: true);
        log.Start(MlLogKeys.RunStart, sync: true);
        try
        {
            var outcome = Train(model, optimizer, device, seeds, cancellation);
            log.End(MlLogKeys.RunStop, metadata: Meta(MlLogKeys.Status, outcome.Status), sync: true);
            return outcome;
        }
        catch (Exception e)
        {
            if (e is not (OperationCanceledException or NonFiniteLossException)) _logger.LogError("Training stopped: {Message}", e.Message); // the stack trace: --verbose, at the program boundary
            log.End(MlLogKeys.RunStop, metadata: Meta(MlLogKeys.Status, MlLogKeys.Aborted));
            throw;
        }
    }

    private RunOutcome Train(Unet3D model, optim.Optimizer optimizer, Device device, DistributedSeeds seeds, CancellationToken cancellation)
    {
        var (train, eval) = Kits19Split.Load(config.DataDir);
        log.Event(MlLogKeys.TrainSamples, train.Count);
        log.Event(MlLogKeys.EvalSamples, eval.Count);
        var options = new LoaderOptions(config.InputShape, config.BatchSize, config.Oversampling, config.LoaderWorkers);
        using var loader = new TrainLoader(train, options, comm.Rank, comm.Size, seeds.WorkerSeed, seeds.ShufflingSeeds[0]);
        int samplesPerEpoch = comm.Size * loader.BatchesPerEpoch * config.BatchSize;
        log.Event(MlLogKeys.SamplesPerEpoch, samplesPerEpoch);
        log.Event(MlLogKeys.GlobalBatchSize, config.GlobalBatchSizeAt(comm.Size));
        log.Event(MlLogKeys.GradientAccumulationSteps, config.GradientAccumulationSteps);
        if (loader.BatchesPerEpoch % config.GradientAccumulationSteps != 0)
            _logger.LogWarning("{Batches} batches per rank per epoch are not a multiple of gradient_accumulation_steps {Steps}: the last {Left} of each epoch reach no optimizer step (their gradients are dropped at the next epoch, as in the reference)",
                loader.BatchesPerEpoch, config.GradientAccumulationSteps, loader.BatchesPerEpoch % config.GradientAccumulationSteps);

        var numbering = EpochNumbering.From(config.EpochUnits, samplesPerEpoch);
        var schedule = new LearningRateSchedule(config.LearningRate, config.InitLearningRate, config.WarmupEpochs,
            config.LrDecayEpochs, config.LrDecayFactor);
        var precision = PrecisionNames.Parse(config.Precision);
        if (precision != Precision.Fp32 && device.type == TorchSharp.DeviceType.CPU)
            _logger.LogWarning("precision {Precision} on the CPU: autocast works there, but CPUs without bf16/fp16 units run it far slower than fp32 (an epoch of cpu-embedded: ~5 min bf16 vs ~13 s fp32 on 2 vCPUs)", config.Precision);
        using var trainer = new Unet3dTrainer(model, optimizer, device, comm, config.GradientAccumulationSteps, precision);
        var evaluator = new Unet3dEvaluator(model, eval, config.ValInputShape, config.Overlap, config.EvalBatchSize, device, comm, precision);
        int nextEvalAt = config.StartEvalAt;
        double lastDice = double.NaN;
        for (int epoch = 1; epoch <= config.MaxEpochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double lr = schedule.ForEpoch(epoch);
            trainer.SetLearningRate(lr);
            var block = Meta(MlLogKeys.FirstEpochNum, numbering.Of(epoch), MlLogKeys.EpochCount, numbering.Count(1));
            log.Start(MlLogKeys.BlockStart, metadata: block);
            log.Start(MlLogKeys.EpochStart, metadata: Meta(MlLogKeys.EpochNum, numbering.Of(epoch)));
            double loss = trainer.TrainEpoch(loader.Epoch(epoch), epoch, cancellation);
            log.End(MlLogKeys.EpochStop, metadata: Meta(MlLogKeys.EpochNum, numbering.Of(epoch), "current_lr", lr));
            _logger.LogInformation("epoch {Epoch}: lr {Lr:G5}, train loss {Loss:R}", epoch, lr, loss);
            if (trainer.LossScaler is { } scaler)
                _logger.LogInformation("epoch {Epoch}: fp16 loss scale {Scale:G}, {Skipped} step(s) skipped for non-finite gradients so far", epoch, scaler.Scale, scaler.SkippedSteps);

            bool success = false, diverged = false;
            if (epoch == nextEvalAt)
            {
                nextEvalAt += config.EvaluateEvery;
                var epochNum = Meta(MlLogKeys.EpochNum, numbering.Of(epoch));
                log.Start(MlLogKeys.EvalStart, numbering.Of(epoch), epochNum);
                var result = evaluator.Evaluate();
                lastDice = result.Mean;
                log.Event(MlLogKeys.EvalAccuracy, result.Mean, epochNum);
                log.End(MlLogKeys.EvalStop, metadata: epochNum);
                _logger.LogInformation("epoch {Epoch}: mean Dice {Dice:F4} (kidney {Kidney:F4}, tumour {Tumor:F4}, {Cases} cases)",
                    epoch, result.Mean, result.Kidney, result.Tumor, result.Cases);
                success = result.Mean >= config.QualityThreshold;
                diverged = !success && result.Mean < 1e-6;
                if (diverged) _logger.LogError("MODEL DIVERGED. ABORTING.");
            }
            log.End(MlLogKeys.BlockStop, metadata: block);
            if (success) return new RunOutcome(true, epoch, lastDice, "quality target reached");
            if (diverged) return new RunOutcome(false, epoch, lastDice, "diverged");
        }
        return new RunOutcome(false, config.MaxEpochs, lastDice, "max epochs reached");
    }

    private void LogSubmission()
    {
        log.Event(MlLogKeys.SubmissionBenchmark, MlLogKeys.Unet3d);
        log.Event(MlLogKeys.SubmissionOrg, config.Org);
        log.Event(MlLogKeys.SubmissionDivision, config.Division);
        log.Event(MlLogKeys.SubmissionStatus, config.Status);
        log.Event(MlLogKeys.SubmissionPlatform, config.Platform);
    }

    private void LogHyperparameters()
    {
        log.Event(MlLogKeys.OptName, "sgd");
        log.Event(MlLogKeys.OptBaseLearningRate, config.LearningRate);
        log.Event(MlLogKeys.OptLearningRateWarmupEpochs, config.WarmupEpochs);
        log.Event(MlLogKeys.OptLearningRateDecayBoundaryEpochs, config.LrDecayEpochs);
        log.Event(MlLogKeys.OptLearningRateDecayFactor, config.LrDecayFactor);
        log.Event(MlLogKeys.OptWeightDecay, config.WeightDecay);
        log.Event(MlLogKeys.OptMomentum, config.Momentum);
        log.Event(MlLogKeys.Oversampling, config.Oversampling);
        log.Event(MlLogKeys.TrainingInputShape, config.InputShape);
        log.Event(MlLogKeys.ValidationInputShape, config.ValInputShape);
        log.Event(MlLogKeys.ValidationOverlap, config.Overlap);
    }
}
