namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Fixed fp32 memory that an <see cref="ICommunicator"/> reduces in place: a pinned managed array
/// (<see cref="ManagedFloatBuffer"/>), or, when every rank is on one node, this rank's segment of an MPI shared-memory
/// window (<see cref="SharedFloatBuffer"/>) that the other ranks read and write directly. Get one from
/// <see cref="ICommunicator.AllocateFloats"/>. The memory never moves.
/// </summary>
public abstract unsafe class FloatBuffer : IDisposable
{
    public abstract int Length { get; }

    /// <summary>The first element (fixed for the buffer's lifetime).</summary>
    public abstract float* Pointer { get; }

    /// <summary>Where the memory lives: "managed" or "shared-window".</summary>
    public abstract string Placement { get; }

    /// <summary>The backing managed array, or null when the memory is not a managed array.</summary>
    public virtual float[]? Array => null;

    public Span<float> Span => new(Pointer, Length);

    public Span<float> Slice(int offset, int count)
    {
        CheckRange(offset, count);
        return new Span<float>(Pointer + offset, count);
    }

    public void CheckRange(int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + count, Length);
    }

    public abstract void Dispose();
}
