using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// A persistent flat fp32 buffer holding one slot per tensor (allocated once, reused every step), with copies between
/// the tensors and their slots. The memory is a <see cref="FloatBuffer"/> from the caller (the communicator's
/// <see cref="ICommunicator.AllocateFloats"/>: a shared-memory segment when the ranks share a node), so gradients are
/// copied straight into the memory the allreduce works on. CPU fp32 contiguous tensors are copied as spans over the
/// tensor's memory (<see cref="MemoryMarshal.Cast{TFrom,TTo}(Span{TFrom})"/> of <c>Tensor.bytes</c>); any other tensor
/// (CUDA, half precision, strided) goes through <c>copy_</c> into a CPU tensor that aliases the buffer
/// (<c>torch.frombuffer</c>) when it is a managed array, or else a pinned staging array of the largest slot's size
/// followed by a span copy. No path allocates a buffer-sized array per step. The buffer owns (and disposes) its memory.
/// </summary>
public sealed class FlatTensorBuffer : IDisposable
{
    private readonly Tensor _alias;
    private readonly float[]? _staging;
    private readonly int[] _offsets;
    private readonly int[] _counts;

    public FlatTensorBuffer(IReadOnlyList<long> elementCounts, bool forceTorchCopy = false, Func<int, FloatBuffer>? allocate = null)
    {
        _offsets = new int[elementCounts.Count];
        _counts = new int[elementCounts.Count];
        long total = 0;
        for (int i = 0; i < elementCounts.Count; i++)
        {
            _offsets[i] = (int)total;
            _counts[i] = checked((int)elementCounts[i]);
            total += elementCounts[i];
            if (total > Array.MaxLength) throw new ArgumentException($"{total} elements do not fit one flat buffer");
        }
        Length = (int)total;
        int size = Math.Max(1, Length);
        Data = allocate?.Invoke(size) ?? new ManagedFloatBuffer(size);
        if (Data.Length != size) throw new ArgumentException($"the allocator returned {Data.Length} floats, not {size}");
        if (Data.Array is null) _staging = GC.AllocateArray<float>(Math.Max(1, _counts.DefaultIfEmpty(0).Max()), pinned: true);
        _alias = frombuffer(Data.Array ?? _staging!, ScalarType.Float32);
        ForceTorchCopy = forceTorchCopy;
    }

    /// <summary>The memory the allreduce reads and writes (length at least 1).</summary>
    public FloatBuffer Data { get; }

    public int Length { get; }

    /// <summary>Copy through torch even where the span path applies (tests the torch paths on a CPU).</summary>
    public bool ForceTorchCopy { get; }

    public int OffsetOf(int entry) => _offsets[entry];

    public int CountOf(int entry) => _counts[entry];

    /// <summary>Copies <paramref name="source"/> into the slot of <paramref name="entry"/>.</summary>
    public void CopyIn(int entry, Tensor source)
    {
        CheckSize(entry, source);
        var slot = Data.Slice(_offsets[entry], _counts[entry]);
        if (IsSpanCopyable(source))
        {
            MemoryMarshal.Cast<byte, float>(source.bytes).CopyTo(slot);
            return;
        }
        using var view = AliasOf(entry);
        using var flat = source.reshape(-1);
        view.copy_(flat);
        if (_staging is not null) _staging.AsSpan(0, slot.Length).CopyTo(slot);
    }

    /// <summary>Writes the slot of <paramref name="entry"/>, divided by <paramref name="divisor"/>, into <paramref name="target"/> in place.</summary>
    public void CopyOut(int entry, Tensor target, float divisor = 1f)
    {
        CheckSize(entry, target);
        var slot = Data.Slice(_offsets[entry], _counts[entry]);
        if (IsSpanCopyable(target))
        {
            var dst = MemoryMarshal.Cast<byte, float>(target.bytes);
            if (divisor == 1f) slot.CopyTo(dst);
            else Divide(slot, dst, divisor);
            return;
        }
        using var view = AliasOf(entry);
        if (_staging is not null) slot.CopyTo(_staging);
        if (divisor != 1f) view.div_(divisor);
        using var shaped = view.view(target.shape);
        using (no_grad()) target.copy_(shaped);
    }

    public void Dispose()
    {
        _alias.Dispose();
        Data.Dispose();
    }

    /// <summary>The entry's slot as a tensor: a view of the buffer itself, or of the staging array's start.</summary>
    private Tensor AliasOf(int entry) => _alias.narrow(0, _staging is null ? _offsets[entry] : 0, _counts[entry]);

    private bool IsSpanCopyable(Tensor t)
        => !ForceTorchCopy && t.device_type == DeviceType.CPU && t.dtype == ScalarType.Float32 && t.is_contiguous();

    private void CheckSize(int entry, Tensor t)
    {
        if (t.numel() != _counts[entry])
            throw new ArgumentException($"tensor of {t.numel()} elements does not match slot {entry} of {_counts[entry]}");
    }

    private static void Divide(ReadOnlySpan<float> source, Span<float> destination, float divisor)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var d = new Vector<float>(divisor);
            var src = MemoryMarshal.Cast<float, Vector<float>>(source);
            var dst = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (int v = 0; v < src.Length; v++) dst[v] = src[v] / d;
            i = src.Length * Vector<float>.Count;
        }
        for (; i < source.Length; i++) destination[i] = source[i] / divisor;
    }
}
