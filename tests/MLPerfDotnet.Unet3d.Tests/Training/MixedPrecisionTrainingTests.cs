using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

[Collection(TorchTestCollection.Name)]
public sealed class MixedPrecisionTrainingTests
{
    public MixedPrecisionTrainingTests() => TorchTestCollection.Init();

    [Theory]
    [InlineData(Precision.Bf16)]
    [InlineData(Precision.Fp16)]
    public void LowPrecisionTrainingLowersTheLossAndLeavesTheLiveTensorCountUnchanged(Precision precision)
    {
        manual_seed(5);
        using var model = new Unet3D(new Unet3dOptions([4, 8]));
        using var optimizer = optim.SGD(model.parameters(), 0.5, momentum: 0.9, nesterov: true);
        using var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, 1, precision);
        var batches = Enumerable.Range(0, 2).Select(TrainingFixtures.Batch).ToList();

        double first = trainer.TrainEpoch(batches, 1, CancellationToken.None);
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        double last = first;
        for (int epoch = 2; epoch <= 6; epoch++) last = trainer.TrainEpoch(batches, epoch, CancellationToken.None);

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.True(last < first, $"loss {first} -> {last}");
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.Equal(precision == Precision.Fp16, trainer.LossScaler is not null);
    }

    [Fact]
    public void Fp16StepWithOverflowingGradientsIsSkippedAndTheScaleBacksOff()
    {
        manual_seed(5);
        using var model = new Unet3D(new Unet3dOptions([4, 8]));
        using var optimizer = optim.SGD(model.parameters(), 0.5, momentum: 0.9, nesterov: true);
        var scaler = new DynamicLossScaler(initialScale: 1e38);
        using var trainer = new Unet3dTrainer(model, optimizer, CPU, SingleProcessCommunicator.Instance, 1, Precision.Fp16, scaler);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();

        float loss = trainer.Step(TrainingFixtures.Batch(0), 1);

        Assert.True(float.IsFinite(loss));
        Assert.Equal(1, scaler.SkippedSteps);
        Assert.Equal(5e37, scaler.Scale, 1e30);
        foreach (var (p, b) in model.parameters().Zip(before)) Assert.True(p.allclose(b, rtol: 0, atol: 0), "a skipped step must not move the parameters");
        before.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Bf16EvaluationForwardRunsUnderAutocastAndGivesFp32LogitsCloseToFp32()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        using var model = new Unet3D(new Unet3dOptions([4, 8]));
        model.eval();
        using var grad = no_grad();
        var x = randn([2, 1, 8, 8, 8]);
        var reference = model.call(x);
        var logits = Unet3dEvaluator.Forward(model, Precision.Bf16, CPU)(x);

        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.True(logits.allclose(reference, rtol: 0.05, atol: 0.05));
        Assert.False(logits.allclose(reference, rtol: 0, atol: 0), "bf16 autocast must change the logits");
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
    }
}
