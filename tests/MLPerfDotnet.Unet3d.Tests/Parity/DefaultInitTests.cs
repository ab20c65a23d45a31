using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Parity;

/// <summary>
/// PyTorch's default initialisation, which the reference keeps: conv and transposed-conv weights and biases
/// U(±1/√fan_in) with fan_in = weight.shape[1]·k³ (for ConvTranspose3d that is out_channels·k³), instance-norm
/// weight 1 and bias 0. The same rule is checked on the PyTorch-initialised fixture weights, so the rule
/// itself is PyTorch's, and on the C# reference-size model.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class DefaultInitTests
{
    public DefaultInitTests() => TorchTestCollection.Init();

    [Fact]
    public void PyTorchInitialisedWeightsFollowTheRule()
    {
        using var weights = SafeTensors.LoadFixture("small_model.safetensors");
        AssertDefaultInit(weights.Tensors);
    }

    [Fact]
    public void CSharpReferenceModelFollowsTheSameRule()
    {
        manual_seed(1);
        using var model = new Unet3D(Unet3dOptions.Reference);
        AssertDefaultInit(model.state_dict());
    }

    private static void AssertDefaultInit(IReadOnlyDictionary<string, Tensor> state)
    {
        foreach (var (key, value) in state)
        {
            using var scope = NewDisposeScope();
            bool isConv = key.EndsWith(".0.weight", StringComparison.Ordinal) || key.EndsWith(".0.bias", StringComparison.Ordinal);
            if (!isConv)
            {
                double expected = key.EndsWith(".weight", StringComparison.Ordinal) ? 1.0 : 0.0;
                Assert.True(value.eq(expected).all().item<bool>(), $"{key}: instance norm parameters must all be {expected}");
                continue;
            }
            var weight = state[key[..key.LastIndexOf('.')] + ".weight"];
            long fanIn = weight.shape[1] * weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            double bound = 1.0 / Math.Sqrt(fanIn);
            double maxAbs = value.abs().max().item<float>();
            Assert.True(maxAbs <= bound * (1 + 1e-6), $"{key}: max |w| {maxAbs} exceeds 1/sqrt(fan_in) = {bound}");
            if (value.numel() >= 10_000)
            {
                // Uniform(±b): std b/√3, and the largest draw close to b.
                double std = value.std().item<float>();
                Assert.InRange(std / (bound / Math.Sqrt(3)), 0.97, 1.03);
                Assert.True(maxAbs > 0.99 * bound, $"{key}: max |w| {maxAbs} far below the bound {bound}");
            }
        }
    }
}
