using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Dynamic loss scaling for fp16, with torch.amp.GradScaler's defaults and rules: the loss is multiplied by the
/// scale before backward; before the optimizer step the gradients are divided by it and checked; a step whose
/// gradients hold an inf or NaN is skipped and the scale halved; after <see cref="GrowthInterval"/> clean steps in a
/// row the scale doubles. Under data parallelism the check runs on the averaged gradients, so every rank skips the
/// same steps (an inf on one rank reaches all of them through the sum).
/// </summary>
public sealed class DynamicLossScaler(double initialScale = 65536.0, double growthFactor = 2.0, double backoffFactor = 0.5, int growthInterval = 2000)
{
    private int _cleanSteps;

    public double Scale { get; private set; } = initialScale;

    public int GrowthInterval { get; } = growthInterval;

    /// <summary>Steps skipped so far because their gradients were not finite.</summary>
    public int SkippedSteps { get; private set; }

    /// <summary>The loss to call backward on: loss × scale.</summary>
    public Tensor ScaleLoss(Tensor loss) => loss * Scale;

    /// <summary>
    /// Divides every gradient by the scale in place and reports whether all of them are finite (one device sync).
    /// </summary>
    public bool Unscale(IEnumerable<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        double inverse = 1.0 / Scale;
        Tensor? nonFinite = null;
        foreach (var parameter in parameters)
        {
            var grad = parameter.grad;
            if (grad is null) continue;
            grad.mul_(inverse);
            var bad = grad.isfinite().logical_not().any();
            nonFinite = nonFinite is null ? bad : nonFinite.logical_or_(bad);
        }
        return nonFinite is null || !nonFinite.item<bool>();
    }

    /// <summary>Adjusts the scale after a step: back off on non-finite gradients, grow after a run of clean steps.</summary>
    public void Update(bool finite)
    {
        if (!finite)
        {
            Scale *= backoffFactor;
            _cleanSteps = 0;
            SkippedSteps++;
            return;
        }
        if (++_cleanSteps < GrowthInterval) return;
        Scale *= growthFactor;
        _cleanSteps = 0;
    }
}
