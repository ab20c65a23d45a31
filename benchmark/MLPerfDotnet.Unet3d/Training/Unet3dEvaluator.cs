using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Evaluation;
using MLPerfDotnet.Unet3d.Model;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Sliding-window evaluation of a rank's contiguous shard of the evaluation cases; per-case Dice sums are
/// all-reduced so each volume weighs exactly 1/N whatever the number of ranks. Every window batch and every
/// case runs in its own dispose scope under no_grad. With bf16/fp16 the model runs under autocast, as the reference's
/// evaluation does with --amp, and its logits are accumulated in fp32.
/// </summary>
public sealed class Unet3dEvaluator(Unet3D model, IReadOnlyList<Kits19Case> cases, int[] roi, double overlap,
    int windowsPerBatch, Device device, ICommunicator comm, Precision precision = Precision.Fp32)
{
    public MeanDice Evaluate()
    {
        var shard = EvalSharding.Shard(cases.Count, comm.Rank, comm.Size);
        double kidney = 0, tumor = 0;
        int count = 0;
        model.eval();
        var forward = Forward(model, precision, device);
        using (no_grad())
        {
            foreach (var volume in EvalVolumes.Read(cases.Skip(shard.Start).Take(shard.Count).ToList()))
            {
                using var scope = NewDisposeScope();
                long[] shape = [1, 1, volume.Shape[0], volume.Shape[1], volume.Shape[2]];
                var image = tensor(volume.Image, shape).to(device);
                var label = tensor(volume.Label, shape).to(device);
                var logits = SlidingWindowInference.Run(forward, image, roi, overlap, windowsPerBatch);
                var cropped = SlidingWindowInference.CropLabel(label, roi, overlap);
                double[] dice = DiceScore.Compute(logits, cropped);
                kidney += dice[0];
                tumor += dice[1];
                count++;
            }
        }
        model.train();
        return EvalSharding.ReduceMeanDice(comm, kidney, tumor, count);
    }

    /// <summary>The model as evaluation calls it: under the precision's autocast, logits back in fp32 for the Gaussian-weighted sum.</summary>
    public static Func<Tensor, Tensor> Forward(Unet3D model, Precision precision, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (precision == Precision.Fp32) return model.call;
        return windows =>
        {
            using (Autocast.Enter(precision, device)) return model.call(windows).to_type(ScalarType.Float32);
        };
    }
}
