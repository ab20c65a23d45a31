namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// This rank's segment of an MPI shared-memory window (<see cref="SharedMemoryAllreduce.TryAllocate"/>), plus the base
/// address of every rank's segment, which this process can load and store directly. Disposing frees the window:
/// that is collective, so every rank must dispose its buffers in the same order.
/// </summary>
public sealed unsafe class SharedFloatBuffer : FloatBuffer
{
    private readonly nint[] _segments;
    private int _window;

    internal SharedFloatBuffer(SharedMemoryAllreduce owner, int window, nint[] segments, int rank, int length)
    {
        Owner = owner;
        _window = window;
        _segments = segments;
        Rank = rank;
        Length = length;
    }

    public override int Length { get; }

    public override float* Pointer => !IsFreed ? (float*)_segments[Rank] : throw new ObjectDisposedException(nameof(SharedFloatBuffer));

    public override string Placement => "shared-window";

    public int Rank { get; }

    /// <summary>Every rank's segment base, indexed by node rank.</summary>
    public ReadOnlySpan<nint> Segments => _segments;

    internal SharedMemoryAllreduce Owner { get; }

    internal int Window => _window != MpichShared.WinNull ? _window : throw new ObjectDisposedException(nameof(SharedFloatBuffer));

    internal bool IsFreed => _window == MpichShared.WinNull;

    /// <summary>MPI_Win_unlock_all and MPI_Win_free (collective). Once only.</summary>
    internal void Free()
    {
        if (IsFreed) return;
        int window = _window;
        _window = MpichShared.WinNull;
        MpichShared.Check(MpichShared.MPI_Win_unlock_all(window), "MPI_Win_unlock_all");
        MpichShared.Check(MpichShared.MPI_Win_free(&window), "MPI_Win_free");
    }

    public override void Dispose() => Owner.Release(this);
}
