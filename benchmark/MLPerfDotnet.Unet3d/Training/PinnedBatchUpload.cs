using System.Runtime.InteropServices;
using MLPerfDotnet.Unet3d.Data.Loading;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Moves training batches to a GPU the way a PyTorch DataLoader with pin_memory=True and .to(non_blocking=True)
/// does: the batch is written into page-locked host tensors kept for the run, and the host-to-device copy is queued
/// asynchronously, so the host goes straight on to queue the forward pass while the loader threads prepare the next
/// batch. The staging tensors are reused: the trainer's step ends with loss.item(), which waits for the device, so
/// the previous copy has finished before the next batch is written into them.
/// </summary>
public sealed class PinnedBatchUpload(Device device) : IDisposable
{
    private Tensor? _images;
    private Tensor? _labels;

    public (Tensor Images, Tensor Labels) Upload(TrainBatch batch)
    {
        long[] shape = batch.TensorShape;
        if (_images is null || !_images.shape.SequenceEqual(shape))
        {
            Release();
            using var scope = NewDisposeScope();
            _images = empty(shape, ScalarType.Float32).pin_memory().MoveToOuterDisposeScope();
            _labels = empty(shape, ScalarType.Byte).pin_memory().MoveToOuterDisposeScope();
        }
        batch.Images.AsSpan().CopyTo(MemoryMarshal.Cast<byte, float>(_images.bytes));
        batch.Labels.AsSpan().CopyTo(_labels!.bytes);
        return (_images.to(device, non_blocking: true), _labels.to(device, non_blocking: true));
    }

    public void Dispose() => Release();

    private void Release()
    {
        _images?.Dispose();
        _labels?.Dispose();
        _images = _labels = null;
    }
}
