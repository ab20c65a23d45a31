using MLPerfDotnet.Unet3d.Data.Loading;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The training step of the reference: loss = DiceCE(model(x), y) / ga_steps, backward, and every ga_steps
/// iterations gradient averaging across ranks, an optimizer step and zero_grad. With bf16/fp16 the forward runs
/// under autocast and the loss in fp32; fp16 scales the loss and skips steps with non-finite gradients
/// (<see cref="DynamicLossScaler"/>). Each step runs in its own dispose scope; only the loss leaves it, as a .NET float.
/// On a GPU, batches go through pinned host memory with asynchronous copies (<see cref="PinnedBatchUpload"/>).
/// </summary>
public sealed class Unet3dTrainer : IDisposable
{
    private readonly Unet3D _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Device _device;
    private readonly int _accumulationSteps;
    private readonly Precision _precision;
    private readonly GradientAverager _gradients;
    private readonly PinnedBatchUpload? _upload;

    public Unet3dTrainer(Unet3D model, optim.Optimizer optimizer, Device device, ICommunicator comm, int accumulationSteps,
        Precision precision = Precision.Fp32, DynamicLossScaler? lossScaler = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accumulationSteps, 1);
        _model = model;
        _optimizer = optimizer;
        _device = device;
        _accumulationSteps = accumulationSteps;
        _precision = precision;
        _gradients = new GradientAverager(comm, model);
        _upload = device.type == TorchSharp.DeviceType.CUDA ? new PinnedBatchUpload(device) : null;
        LossScaler = precision == Precision.Fp16 ? lossScaler ?? new DynamicLossScaler() : null;
    }

    /// <summary>The fp16 loss scaler; null for fp32 and bf16.</summary>
    public DynamicLossScaler? LossScaler { get; }

    public void SetLearningRate(double lr)
    {
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
    }

    /// <summary>Trains one epoch; returns the mean of the per-step losses (undivided by ga_steps).</summary>
    public double TrainEpoch(IEnumerable<TrainBatch> batches, int epoch, CancellationToken cancellation)
    {
        _model.train();
        using (NewDisposeScope()) _optimizer.zero_grad();
        double lossSum = 0;
        int steps = 0;
        int iteration = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            float loss = Step(batch, ++iteration);
            if (!float.IsFinite(loss))
            {
                // fp16: an overflowing forward is what the loss scaler is for; that step was skipped, as GradScaler does.
                if (LossScaler is not null) continue;
                throw new NonFiniteLossException(loss, epoch, iteration);
            }
            lossSum += loss;
            steps++;
        }
        return steps == 0 ? double.NaN : lossSum / steps;
    }

    /// <summary>One iteration on a batch from the loader (copied to the device first).</summary>
    public float Step(TrainBatch batch, int iteration)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = Upload(batch);
        return Step(images, labels, iteration);
    }

    /// <summary>
    /// One iteration on tensors already on the device (images float [N,1,D,H,W], labels uint8): forward under the
    /// precision's autocast, DiceCE in fp32, backward, and on every ga_steps-th iteration averaging, step, zero_grad.
    /// Returns the loss; reading it waits for the device.
    /// </summary>
    public float Step(Tensor images, Tensor labels, int iteration)
    {
        using var scope = NewDisposeScope();
        Tensor logits;
        using (Autocast.Enter(_precision, _device)) logits = _model.call(images);
        var loss = DiceCeLoss.Compute(_precision == Precision.Fp32 ? logits : logits.to_type(ScalarType.Float32), labels);
        var backwardLoss = _accumulationSteps > 1 ? loss / _accumulationSteps : loss;
        (LossScaler?.ScaleLoss(backwardLoss) ?? backwardLoss).backward();
        if (iteration % _accumulationSteps == 0)
        {
            _gradients.AverageGradients();
            bool finite = LossScaler?.Unscale(_model.parameters()) ?? true;
            if (finite) _optimizer.step();
            LossScaler?.Update(finite);
            _optimizer.zero_grad();
        }
        return loss.item<float>();
    }

    public void Dispose()
    {
        _gradients.Dispose();
        _upload?.Dispose();
    }

    private (Tensor Images, Tensor Labels) Upload(TrainBatch batch)
    {
        if (_upload is not null) return _upload.Upload(batch);
        return (tensor(batch.Images, batch.TensorShape).to(_device), tensor(batch.Labels, batch.TensorShape).to(_device));
    }
}
