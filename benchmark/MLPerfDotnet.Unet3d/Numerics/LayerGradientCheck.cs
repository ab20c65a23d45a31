using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// One layer's fp32 computation on the device under test against the same computation in fp64 on the CPU (fp64 never
/// runs oneDNN: it takes ATen's own kernels). The input, parameters and output gradient are drawn in fp64 from a fixed
/// seed and rounded to fp32 once, so both sides compute the same function of the same numbers. The fp32 side runs
/// <c>repeats</c> times and the worst repeat counts: a kernel that reads stale memory need not be wrong every time.
/// Training passes run with autograd (forward_training, backward_data, backward_weights); inference under no_grad
/// (forward_inference), as the evaluation does. bf16 and fp16 cases run the device side under autocast, as the trainer
/// does, on inputs already rounded to that type.
/// </summary>
public static class LayerGradientCheck
{
    public static LayerCheckResult Run(LayerCase layer, Device device, long seed, int repeats = GradientSelfCheck.DefaultRepeats)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        long s = layer.Spatial;
        Func<Tensor, Tensor> exact = t => t.to(Storage(layer.Precision)).to(ScalarType.Float64);
        var x = exact(randn([layer.Batch, layer.InChannels, s, s, s], ScalarType.Float64, generator: generator));
        var (weightShape, hasBias) = ParameterShape(layer);
        double fanIn = weightShape.Skip(1).Aggregate(1L, (a, b) => a * b);
        var w = exact(randn(weightShape, ScalarType.Float64, generator: generator) / Math.Sqrt(fanIn));
        var b = hasBias ? exact(randn([layer.OutChannels], ScalarType.Float64, generator: generator)) : null;
        Tensor g;
        using (no_grad()) g = exact(randn(Forward(layer, x, w, b).shape, ScalarType.Float64, generator: generator));

        var reference = Compute(layer, x, w, b, g, device: null);
        var result = new LayerCheckResult(layer, 0, 0, 0);
        for (int r = 0; r < repeats; r++)
        {
            var tested = Compute(layer, x.to(ScalarType.Float32, device), w.to(ScalarType.Float32, device),
                b?.to(ScalarType.Float32, device), g.to(ScalarType.Float32, device), device);
            result = new LayerCheckResult(layer,
                Math.Max(result.Output, Relative(tested.Output, reference.Output)),
                Math.Max(result.InputGradient, Relative(tested.InputGradient, reference.InputGradient)),
                Math.Max(result.WeightGradient, Math.Max(Relative(tested.WeightGradient, reference.WeightGradient),
                    Relative(tested.BiasGradient, reference.BiasGradient))));
        }
        return result;
    }

    /// <summary>The type the inputs are rounded to: the autocast type of bf16/fp16, else fp32.</summary>
    private static ScalarType Storage(Precision precision) => PrecisionNames.AutocastType(precision);

    private static (long[] Shape, bool Bias) ParameterShape(LayerCase layer) => layer.Kind switch
    {
        LayerKind.Conv3 or LayerKind.StridedConv3 => ([layer.OutChannels, layer.InChannels, 3, 3, 3], false),
        LayerKind.TransposedConv2 => ([layer.InChannels, layer.OutChannels, 2, 2, 2], true),
        LayerKind.PointwiseConv1 => ([layer.OutChannels, layer.InChannels, 1, 1, 1], true),
        _ => ([layer.InChannels], true),
    };

    private static Tensor Forward(LayerCase layer, Tensor x, Tensor w, Tensor? b) => layer.Kind switch
    {
        LayerKind.Conv3 => F.conv3d(x, w, padding: [1, 1, 1]),
        LayerKind.StridedConv3 => F.conv3d(x, w, strides: [2, 2, 2], padding: [1, 1, 1]),
        LayerKind.TransposedConv2 => F.conv_transpose3d(x, w, b, strides: [2, 2, 2]),
        LayerKind.PointwiseConv1 => F.conv3d(x, w, b),
        _ => F.instance_norm(x, weight: w, bias: b, eps: 1e-5),
    };

    /// <summary>The layer's passes; <paramref name="device"/> null is the fp64 reference, else the tested side (autocast when low precision).</summary>
    private static LayerComputation Compute(LayerCase layer, Tensor x, Tensor w, Tensor? b, Tensor g, Device? device)
    {
        var precision = device is null ? Precision.Fp32 : layer.Precision;
        if (!layer.Passes.HasFlag(LayerPasses.InputGradient) && !layer.Passes.HasFlag(LayerPasses.WeightGradient))
        {
            using var noGrad = no_grad();
            using (Autocast.Enter(precision, device ?? CPU)) return new LayerComputation(ToCpu64(Forward(layer, x, w, b))!, null, null, null);
        }
        bool inputGrad = layer.Passes.HasFlag(LayerPasses.InputGradient);
        x = x.detach().requires_grad_(inputGrad);
        w = w.detach().requires_grad_(true);
        b = b?.detach().requires_grad_(true);
        Tensor y;
        using (Autocast.Enter(precision, device ?? CPU)) y = Forward(layer, x, w, b);
        (y.to(g.dtype) * g).sum().backward();
        return new LayerComputation(ToCpu64(y.detach())!, inputGrad ? ToCpu64(x.grad) : null, ToCpu64(w.grad), ToCpu64(b?.grad));
    }

    private static Tensor? ToCpu64(Tensor? t) => t?.cpu().to(ScalarType.Float64);

    /// <summary>max |tested − reference| / max |reference|; NaN or infinity anywhere gives +∞; 0 where neither was computed.</summary>
    private static double Relative(Tensor? tested, Tensor? reference)
    {
        if (tested is null || reference is null) return 0;
        if (!isfinite(tested).all().item<bool>()) return double.PositiveInfinity;
        double scale = reference.abs().max().item<double>();
        double diff = (tested - reference).abs().max().item<double>();
        return scale == 0 ? diff : diff / scale;
    }
}
