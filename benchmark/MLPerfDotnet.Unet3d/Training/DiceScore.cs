using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The reference evaluation metric: argmax over classes, one-hot, background dropped, per-class Dice
/// (2·|t∩p| + 1e-6) / (|t| + |p| + 1e-6) averaged over the batch. A class absent from both scores 1.
/// </summary>
public static class DiceScore
{
    /// <summary>(C−1) per-class scores [kidney, tumour] for (N,C,D,H,W) logits and (N,1,D,H,W) labels.</summary>
    public static double[] Compute(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        long classes = logits.shape[1];
        var target = DiceScore.OneHot(labels.squeeze(1).to(ScalarType.Int64), classes, ScalarType.Float32);
        var prediction = DiceScore.OneHot(logits.argmax(1), classes, ScalarType.Float32);
        var dice = Dice(prediction.narrow(1, 1, classes - 1), target.narrow(1, 1, classes - 1)).to(ScalarType.Float64).mean([0]);
        return dice.data<double>().ToArray();
    }

    /// <summary>Per (sample, class) Dice over the spatial dims (2, 3, 4).</summary>
    public static Tensor Dice(Tensor prediction, Tensor target)
    {
        long[] spatial = [2, 3, 4];
        var intersection = (target * prediction).sum(spatial);
        var targetSum = target.sum(spatial);
        var predictionSum = prediction.sum(spatial);
        return (2.0 * intersection + DiceCeLoss.Smooth) / (targetSum + predictionSum + DiceCeLoss.Smooth);
    }

    /// <summary>(N, D, H, W) indices to (N, C, D, H, W) one-hot of <paramref name="dtype"/>.</summary>
    public static Tensor OneHot(Tensor indices, long classes, ScalarType dtype)
        => F.one_hot(indices, classes).permute(0, 4, 1, 2, 3).to(dtype);
}
