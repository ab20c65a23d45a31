using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The training step of the reference: loss = DiceCE(model(x), y) / ga_steps, backward, and every ga_steps
/// iterations gradient averaging across ranks, an optimizer step and zero_grad. Each step runs in its own dispose
/// scope; only the loss leaves it, as a .NET float.
/// </summary>
public sealed class Unet3dTrainer(Unet3D model, optim.Optimizer optimizer, Device device, ICommunicator comm, int accumulationSteps)
    : IDisposable
{
    private readonly GradientAverager _gradients = new(comm, model);

    public void SetLearningRate(double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }

    /// <summary>Trains one epoch; returns the mean of the per-step losses (undivided by ga_steps).</summary>
    public double TrainEpoch(IEnumerable<TrainBatch> batches, int epoch, CancellationToken cancellation)
    {
        model.train();
        using (NewDisposeScope()) optimizer.zero_grad();
        double lossSum = 0;
        int steps = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            float loss = Step(batch, steps + 1);
            if (!float.IsFinite(loss))
                throw new InvalidOperationException($"Non-finite training loss {loss} at epoch {epoch}, iteration {steps + 1} (tensor 'loss' of DiceCeLoss)");
            lossSum += loss;
            steps++;
        }
        return steps == 0 ? double.NaN : lossSum / steps;
    }

    private float Step(TrainBatch batch, int iteration)
    {
        using var scope = NewDisposeScope();
        long[] shape = [batch.Count, 1, batch.PatchShape[0], batch.PatchShape[1], batch.PatchShape[2]];
        var images = tensor(batch.Images, shape).to(device);
        var labels = tensor(batch.Labels, shape).to(device);
        var logits = model.call(images);
        var loss = DiceCeLoss.Compute(logits, labels);
        (accumulationSteps > 1 ? loss / accumulationSteps : loss).backward();
        if (iteration % accumulationSteps == 0)
        {
            _gradients.AverageGradients();
            optimizer.step();
            optimizer.zero_grad();
        }
        return loss.item<float>();
    }

    public void Dispose() => _gradients.Dispose();
}
