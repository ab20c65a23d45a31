using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

[Collection(TorchTestCollection.Name)]
public sealed class NativeMemoryTests
{
    public NativeMemoryTests() => TorchTestCollection.Init();

    [Fact]
    public void TrainingStepsLeaveTheLiveTensorCountUnchanged()
    {
        manual_seed(3);
        using var model = new Unet3D(new Unet3dOptions([4, 8]));
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, nesterov: true);
        var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, accumulationSteps: 1);
        var batches = Enumerable.Range(0, 3).Select(i => Batch(i)).ToList();

        trainer.TrainEpoch(batches.Take(1), 1, CancellationToken.None);
        long afterFirst = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.TrainEpoch(batches, 2, CancellationToken.None);
        trainer.TrainEpoch(batches, 3, CancellationToken.None);
        long afterMore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(afterFirst, afterMore);
    }

    [Fact]
    public void NonFiniteLossStopsTrainingWithOneLineNamingEpochIterationAndDoctor()
    {
        using var model = new Unet3D(new Unet3dOptions([4, 8]));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, 1);
        var bad = Batch(0);
        Array.Fill(bad.Images, float.NaN);
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.TrainEpoch([bad], 7, CancellationToken.None));
        Assert.StartsWith("non-finite training loss NaN at epoch 7, iteration 1:", e.Message, StringComparison.Ordinal);
        Assert.Contains("mlperf doctor", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal((7, 1), (e.Epoch, e.Iteration));
    }

    private static TrainBatch Batch(int seed)
    {
        var rng = new Random(seed);
        int n = 2 * 8 * 8 * 8;
        var images = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => (byte)rng.Next(3)).ToArray();
        return new TrainBatch(images, labels, 2, [8, 8, 8]);
    }
}
