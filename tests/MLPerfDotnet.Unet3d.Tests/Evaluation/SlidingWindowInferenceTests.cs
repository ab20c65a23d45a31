using MLPerfDotnet.Unet3d.Evaluation;
using MLPerfDotnet.Unet3d.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MLPerfDotnet.Unet3d.Tests.Evaluation;

/// <summary>
/// Against tests/parity/make_fixtures.py: a 1×1×40×52×12 volume (D padded 4/4, H cropped 2/2, W padded 10/10 up
/// to the roi), roi 32, overlap 0.5, pad −2.2, through a fixed conv3d(1→3) plus its per-window mean.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class SlidingWindowInferenceTests
{
    private static readonly int[] Roi = [32, 32, 32];

    public SlidingWindowInferenceTests() => TorchTestCollection.Init();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void AveragedLogitsMatchTheReferenceForAnyWindowBatch(int batchWindows)
    {
        using var fixture = SafeTensors.LoadFixture("sliding_window.safetensors");
        using var logits = SlidingWindowInference.Run(FakeModel(fixture), fixture["image"], Roi, 0.5, batchWindows);
        Assert.Equal([1, 3, 40, 48, 12], logits.shape);
        TensorAssert.Close(fixture["logits"], logits, 1e-5, "sliding-window logits");
    }

    [Fact]
    public void LabelGetsTheSamePreCrop()
    {
        using var fixture = SafeTensors.LoadFixture("sliding_window.safetensors");
        using var label = SlidingWindowInference.CropLabel(fixture["label"], Roi, 0.5);
        Assert.Equal(fixture["label_cropped"].shape, label.shape);
        Assert.True(fixture["label_cropped"].equal(label).all().item<bool>());
    }

    [Fact]
    public void WindowsRunInBatchesInNestedOrderOnTheCroppedPaddedVolumeWithoutGradients()
    {
        // Voxel values encode their source position: value = d·52·12 + h·12 + w.
        using var image = arange(40 * 52 * 12, dtype: ScalarType.Float32).reshape(1, 1, 40, 52, 12);
        var batches = new List<long>();
        var probes = new List<float>();
        var corners = new List<float>();
        using var logits = SlidingWindowInference.Run(x =>
        {
            Assert.False(is_grad_enabled());
            batches.Add(x.shape[0]);
            for (int n = 0; n < x.shape[0]; n++)
            {
                probes.Add(x[n, 0, 4, 0, 10].item<float>());
                corners.Add(x[n, 0, 0, 0, 0].item<float>());
            }
            return x.expand(-1, 3, -1, -1, -1).clone();
        }, image, Roi, 0.5, 3);
        Assert.Equal([3, 1], batches);
        // Padded volume: D pads 4 before, H is cropped 2 before, W pads 10 before. Window-local (4, 0, 10) is
        // source (d0, h0 + 2, 0); windows in (D, H) order (0,0) (0,16) (16,0) (16,16).
        Assert.Equal([24f, 216f, 16 * 624 + 24f, 16 * 624 + 216f], probes);
        Assert.All(corners, v => Assert.Equal(-2.2f, v));
        Assert.True(is_grad_enabled());
        // The identity "model" averages back to the cropped input.
        using var expected = image.narrow(3, 2, 48).expand(-1, 3, -1, -1, -1);
        Assert.True(logits.allclose(expected, 1e-5, 1e-3));
    }

    [Fact]
    public void ConstantLogitsAverageToTheSameConstant()
    {
        using var image = randn([1, 1, 40, 52, 12]);
        using var logits = SlidingWindowInference.Run(x => full([x.shape[0], 3, 32, 32, 32], 0.75f), image, Roi, 0.5, 2);
        Assert.True(logits.allclose(full_like(logits, 0.75f), 1e-6, 1e-6));
    }

    [Fact]
    public void HalfPrecisionLogitsAreAccumulatedInTheImageDtype()
    {
        // Under bf16/fp16 autocast the model returns low-precision logits; the reference accumulates in the image's dtype.
        using var image = randn([1, 1, 40, 52, 12]);
        using var logits = SlidingWindowInference.Run(x => full([x.shape[0], 3, 32, 32, 32], 0.7f, ScalarType.BFloat16), image, Roi, 0.5, 2);
        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.Equal(image.device_type, logits.device_type);
        using var expected = full_like(logits, 0.7f).to(ScalarType.BFloat16).to(ScalarType.Float32);
        Assert.True(logits.allclose(expected, 1e-6, 1e-6));
    }

    [Fact]
    public void RepeatedRunsLeaveNoLiveTensorsBehind()
    {
        using var fixture = SafeTensors.LoadFixture("sliding_window.safetensors");
        var model = FakeModel(fixture);
        SlidingWindowInference.Run(model, fixture["image"], Roi, 0.5, 2).Dispose();
        DisposeScopeManager.Statistics.Reset();
        for (int i = 0; i < 3; i++) SlidingWindowInference.Run(model, fixture["image"], Roi, 0.5, 2).Dispose();
        Assert.Equal(0, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void NonCubicRoiAndBatchedImagesAreRejected()
    {
        using var image = zeros([2, 1, 40, 40, 40]);
        Assert.Throws<ArgumentException>(() => SlidingWindowInference.Run(x => x, image, Roi, 0.5, 1));
        using var one = zeros([1, 1, 40, 40, 40]);
        Assert.Throws<ArgumentException>(() => SlidingWindowInference.Run(x => x, one, [32, 32, 16], 0.5, 1));
    }

    /// <summary>The fixture's stand-in model: conv3d(1→3, k3, pad 1) plus the per-sample spatial mean.</summary>
    private static Func<Tensor, Tensor> FakeModel(SafeTensors fixture)
    {
        var weight = fixture["conv.weight"];
        var bias = fixture["conv.bias"];
        return x =>
        {
            using var y = F.conv3d(x, weight, bias, padding: [1, 1, 1]);
            using var mean = y.mean([2, 3, 4], keepdim: true);
            return y + mean;
        };
    }
}
