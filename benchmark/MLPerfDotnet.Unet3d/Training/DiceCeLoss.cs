using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The reference training loss: (mean over samples and foreground classes of (1 − soft Dice) + voxel-mean
/// cross entropy over all classes) / 2, Dice smoothing 1e-6 on numerator and denominator, background excluded.
/// </summary>
public static class DiceCeLoss
{
    public const double Smooth = 1e-6;

    /// <param name="logits">(N, C, D, H, W) raw scores.</param>
    /// <param name="labels">(N, 1, D, H, W) class indices (uint8 or integer).</param>
    public static Tensor Compute(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        long classes = logits.shape[1];
        var target = labels.squeeze(1).to(ScalarType.Int64);
        var ce = F.cross_entropy(logits, target);
        var probs = F.softmax(logits, 1);
        var onehot = DiceScore.OneHot(target, classes, logits.dtype);
        var dice = DiceScore.Dice(probs.narrow(1, 1, classes - 1), onehot.narrow(1, 1, classes - 1));
        var diceLoss = (1.0 - dice).mean();
        return ((diceLoss + ce) / 2.0).MoveToOuterDisposeScope();
    }
}
