using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

[Collection(TorchTestCollection.Name)]
public sealed class GradientAveragerTests
{
    public GradientAveragerTests() => TorchTestCollection.Init();

    private static Unet3D TinyModel()
    {
        manual_seed(3);
        return new Unet3D(new Unet3dOptions([4, 8]));
    }

    private static void Backward(Unet3D model)
    {
        using var scope = NewDisposeScope();
        var g = new Generator(9);
        var x = randn([1, 1, 8, 8, 8], generator: g);
        var y = randint(0, 3, [1, 1, 8, 8, 8], dtype: ScalarType.Int64, generator: g);
        DiceCeLoss.Compute(model.call(x), y).backward();
    }

    private static float[][] Gradients(Unet3D model)
        => model.parameters().Select(p => { using var g = p.grad!.contiguous(); return g.data<float>().ToArray(); }).ToArray();

    [Fact]
    public void Buckets_CoverTheParametersContiguously_WithinTheBucketSize()
    {
        using var model = TinyModel();
        using var averager = new GradientAverager(new FakeCommunicator(2), model, bucketFloats: 500);
        Assert.Equal(model.ParameterCount, averager.ElementCount);
        int next = 0;
        foreach (var b in averager.Buckets)
        {
            Assert.Equal(next, b.Offset);
            Assert.True(b.Count <= 500 || b.EntryCount == 1, $"bucket of {b.Count} with {b.EntryCount} tensors");
            next += b.Count;
        }
        Assert.Equal(model.ParameterCount, next);
        Assert.True(averager.Buckets.Count > 3);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void AveragedGradients_OfIdenticalRanks_AreTheLocalGradients_OneAllreducePerBucket(bool torchCopy, bool nativeBuffer)
    {
        using var model = TinyModel();
        Backward(model);
        var before = Gradients(model);
        var comm = new FakeCommunicator(4, nativeBuffers: nativeBuffer);
        using var averager = new GradientAverager(comm, model, bucketFloats: 700, forceTorchCopy: torchCopy);
        var timings = averager.AverageGradients();
        Assert.Equal(before, Gradients(model));
        Assert.Equal(averager.Buckets.Select(b => (b.Offset, b.Count)), comm.FloatReductions);
        Assert.Equal(TimeSpan.Zero, timings.Compute);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void BroadcastParameters_WritesRankZerosFlatBufferIntoEveryParameter_LastParameterFirst(bool torchCopy, bool nativeBuffer)
    {
        using var model = TinyModel();
        var comm = new FakeCommunicator(2, nativeBuffers: nativeBuffer) { BroadcastFloats = Enumerable.Range(0, (int)model.ParameterCount).Select(i => (float)i).ToArray() };
        using var averager = new GradientAverager(comm, model, forceTorchCopy: torchCopy);
        averager.BroadcastParameters();
        var parameters = model.parameters().ToArray();
        var last = parameters[^1];
        using (var c = last.detach().contiguous()) Assert.Equal(0f, c.data<float>()[0]);
        using var first = parameters[0].detach().reshape(-1);
        Assert.Equal(model.ParameterCount - first.numel(), (long)first[0].item<float>());
        Assert.Equal(model.ParameterCount - 1, (long)first[^1].item<float>());
    }

    [Fact]
    public void SingleProcess_AveragingIsANoOp()
    {
        using var model = TinyModel();
        Backward(model);
        var before = Gradients(model);
        using var averager = new GradientAverager(SingleProcessCommunicator.Instance, model);
        Assert.Equal(StepTimings.Zero, averager.AverageGradients());
        Assert.Equal(before, Gradients(model));
    }

    [Fact]
    public void ParameterWithoutGradient_IsAClearError()
    {
        using var model = TinyModel();
        using var averager = new GradientAverager(new FakeCommunicator(2), model);
        var e = Assert.Throws<InvalidOperationException>(() => averager.AverageGradients());
        Assert.Contains("has no gradient", e.Message, StringComparison.Ordinal);
    }
}
