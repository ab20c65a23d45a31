using MLPerfDotnet.MpiProbe;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

/// <summary>
/// gradient_accumulation_steps end to end in the trainer: batch b accumulated k times makes the update of one batch
/// of b·k (the loss is divided by k, DiceCE is a per-sample mean and InstanceNorm sees one sample at a time), the
/// parameters move only on every k-th iteration, and an epoch's tail short of k iterations reaches no step.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class GradientAccumulationTests
{
    private const int Size = 8;
    private static readonly int[] Filters = [4, 8];

    public GradientAccumulationTests() => TorchTestCollection.Init();

    [Theory]
    [InlineData(2, 2)]
    [InlineData(1, 4)]
    public void BatchTimesAccumulation_MakesTheUpdateOfOneBatchOfTheProduct(int batch, int steps)
    {
        using var scope = NewDisposeScope();
        int whole = batch * steps;
        var data = Enumerable.Range(0, 2).Select(i => Data(seed: 10 + i, whole)).ToList();

        using var reference = Model();
        using var initial = Model();
        using (var optimizer = TinyTraining.Optimizer(reference, 0.5))
        using (var trainer = new Unet3dTrainer(reference, optimizer, CPU, SingleProcessCommunicator.Instance, 1))
        {
            for (int s = 0; s < data.Count; s++) trainer.Step(data[s].Images, data[s].Labels, s + 1);
        }

        using var accumulated = Model();
        using (var optimizer = TinyTraining.Optimizer(accumulated, 0.5))
        using (var trainer = new Unet3dTrainer(accumulated, optimizer, CPU, SingleProcessCommunicator.Instance, steps))
        {
            int iteration = 0;
            foreach (var (images, labels) in data)
                for (int m = 0; m < steps; m++)
                    trainer.Step(images.narrow(0, m * batch, batch), labels.narrow(0, m * batch, batch), ++iteration);
        }

        double difference = TinyTraining.MaxAbsDifference(reference, accumulated);
        double update = TinyTraining.MaxAbsDifference(reference, initial);
        Assert.True(difference <= 2e-5, $"batch {batch} × {steps} steps differs from batch {whole} by {difference}");
        Assert.True(update > 1000 * difference, $"the update ({update}) must dwarf the difference ({difference})");
    }

    [Fact]
    public void ParametersMoveOnlyOnTheKthIteration()
    {
        using var scope = NewDisposeScope();
        var (images, labels) = Data(seed: 3, 2);
        using var model = Model();
        using var initial = Model();
        using var optimizer = TinyTraining.Optimizer(model, 0.5);
        using var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, 3);

        trainer.Step(images, labels, 1);
        trainer.Step(images, labels, 2);
        Assert.Equal(0.0, TinyTraining.MaxAbsDifference(model, initial));
        trainer.Step(images, labels, 3);
        Assert.True(TinyTraining.MaxAbsDifference(model, initial) > 1e-4, "the third iteration must step");
    }

    [Fact]
    public void AnEpochTailShortOfTheAccumulation_ReachesNoStep_AndIsDroppedAtTheNextEpoch()
    {
        var batches = Enumerable.Range(0, 3).Select(i => TrainingFixtures.Batch(seed: 20 + i)).ToList();
        using var full = Model();
        using var cut = Model();
        foreach (var (model, epochBatches) in new[] { (full, batches), (cut, batches.Take(2).ToList()) })
        {
            using var optimizer = TinyTraining.Optimizer(model, 0.5);
            using var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, 2);
            trainer.TrainEpoch(epochBatches, 1, CancellationToken.None);
            trainer.TrainEpoch(epochBatches.Take(2), 2, CancellationToken.None);
        }
        Assert.Equal(0.0, TinyTraining.MaxAbsDifference(full, cut));
    }

    private static Unet3D Model() => TinyTraining.Model(Filters, seed: 7);

    private static (Tensor Images, Tensor Labels) Data(int seed, int batch) => TinyTraining.Data(seed, batch, Size);
}
