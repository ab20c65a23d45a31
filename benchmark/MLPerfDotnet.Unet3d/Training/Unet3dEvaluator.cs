using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Evaluation;
using MLPerfDotnet.Unet3d.Model;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Sliding-window evaluation of a rank's contiguous shard of the evaluation cases; per-case Dice sums are
/// all-reduced so each volume weighs exactly 1/N whatever the number of ranks. Every window batch and every
/// case runs in its own dispose scope under no_grad.
/// </summary>
public sealed class Unet3dEvaluator(Unet3D model, IReadOnlyList<Kits19Case> cases, int[] roi, double overlap,
    int windowsPerBatch, Device device, ICommunicator comm)
{
    public EvaluationResult Evaluate()
    {
        var (start, count) = Shard(cases.Count, comm.Rank, comm.Size);
        var sums = new double[3];
        model.eval();
        using (no_grad())
        {
            foreach (var volume in EvalVolumes.Read(cases.Skip(start).Take(count).ToList()))
            {
                using var scope = NewDisposeScope();
                long[] shape = [1, 1, volume.Shape[0], volume.Shape[1], volume.Shape[2]];
                var image = tensor(volume.Image, shape).to(device);
                var label = tensor(volume.Label, shape).to(device);
                var logits = SlidingWindowInference.Run(model.call, image, roi, overlap, windowsPerBatch);
                var cropped = SlidingWindowInference.CropLabel(label, roi, overlap);
                double[] dice = DiceScore.Compute(logits, cropped);
                sums[0] += dice[0];
                sums[1] += dice[1];
                sums[2] += 1;
            }
        }
        model.train();
        comm.AllreduceSum(sums);
        return new EvaluationResult(sums[0] / sums[2], sums[1] / sums[2], (int)sums[2]);
    }

    /// <summary>Contiguous chunks as np.array_split: the first (cases mod ranks) chunks are one larger.</summary>
    public static (int Start, int Count) Shard(int cases, int rank, int ranks)
    {
        int baseCount = cases / ranks, extra = cases % ranks;
        int count = baseCount + (rank < extra ? 1 : 0);
        int start = rank * baseCount + Math.Min(rank, extra);
        return (start, count);
    }
}
