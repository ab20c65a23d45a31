using static MLPerfDotnet.Unet3d.Distributed.MpichShared;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Allreduce for a job whose ranks all share one node, through MPI-3 shared-memory windows
/// (MPI_Win_allocate_shared on the node communicator from MPI_Comm_split_type(MPI_COMM_TYPE_SHARED)).
/// <para>
/// Each <see cref="FloatBuffer"/> from <see cref="TryAllocate"/> is this rank's segment of one window, and every rank
/// can load and store every segment. Summing a range: each rank has written its values into its own segment; a
/// synchronisation; then each rank takes one slice of the range (<see cref="SegmentSum.Slice"/>), adds that slice of
/// all segments in rank order and stores the sum into every segment; a synchronisation; now every segment holds the
/// sum. Per rank that reads and writes one buffer's worth of memory, about one memcpy. The windows stay in a
/// passive-target epoch (MPI_Win_lock_all with MPI_MODE_NOCHECK) for their whole life, and a synchronisation is
/// MPI_Win_sync, MPI_Barrier, MPI_Win_sync: the unified memory model's recipe for direct loads and stores
/// (the window's MPI_WIN_MODEL is checked to be MPI_WIN_UNIFIED).
/// </para>
/// Window allocation and release are collective: every rank must allocate and dispose the same buffers in the same order.
/// </summary>
public sealed unsafe class SharedMemoryAllreduce : IDisposable
{
    private const long SegmentAlignBytes = 4096;

    private readonly List<SharedFloatBuffer> _live = [];
    private int _nodeComm;

    private SharedMemoryAllreduce(int nodeComm, int rank, int size)
    {
        _nodeComm = nodeComm;
        Rank = rank;
        Size = size;
    }

    public int Rank { get; }

    public int Size { get; }

    /// <summary>
    /// Splits MPI_COMM_WORLD by node; returns the shared-memory allreduce when <see cref="AllreduceModes.UseSharedMemory"/>
    /// says so, otherwise frees the node communicator and returns null. Collective over MPI_COMM_WORLD.
    /// </summary>
    public static SharedMemoryAllreduce? TryCreate(int worldRank, int worldSize, AllreduceMode mode)
    {
        if (worldSize == 1 || mode == AllreduceMode.Mpi) return null;
        int node;
        Check(MPI_Comm_split_type(CommWorld, CommTypeShared, worldRank, InfoNull, &node), "MPI_Comm_split_type");
        int rank, size;
        try
        {
            Check(MPI_Comm_set_errhandler(node, ErrorsReturn), "MPI_Comm_set_errhandler");
            Check(MPI_Comm_size(node, &size), "MPI_Comm_size");
            Check(MPI_Comm_rank(node, &rank), "MPI_Comm_rank");
            if (AllreduceModes.UseSharedMemory(mode, worldSize, size)) return new SharedMemoryAllreduce(node, rank, size);
        }
        catch
        {
            MPI_Comm_free(&node);
            throw;
        }
        Check(MPI_Comm_free(&node), "MPI_Comm_free");
        return null;
    }

    /// <summary>
    /// A new window with <paramref name="length"/> floats per rank; returns this rank's segment, or null (on every rank)
    /// when <see cref="SharedMemoryRoom.Folder"/> has too little room for all segments (<see cref="SharedMemoryRoom"/>).
    /// Collective.
    /// </summary>
    public SharedFloatBuffer? TryAllocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ObjectDisposedException.ThrowIf(_nodeComm == CommNull, this);
        long bytes = (Math.Max(1L, length) * sizeof(float) + SegmentAlignBytes - 1) / SegmentAlignBytes * SegmentAlignBytes;
        long room = SharedMemoryRoom.AvailableBytes(), fewest;
        Check(MPI_Allreduce(&room, &fewest, 1, LongLong, OpMin, _nodeComm), "MPI_Allreduce");
        if (!SharedMemoryRoom.HasRoom(fewest, Size, bytes))
        {
            if (Rank == 0) Console.Error.WriteLine(SharedMemoryRoom.FallbackMessage(fewest, Size, bytes));
            return null;
        }
        void* mine;
        int window;
        Check(MPI_Win_allocate_shared(bytes, sizeof(float), InfoNull, _nodeComm, &mine, &window), "MPI_Win_allocate_shared");
        try
        {
            Check(MPI_Win_set_errhandler(window, ErrorsReturn), "MPI_Win_set_errhandler");
            CheckUnified(window);
            var segments = new nint[Size];
            for (int r = 0; r < Size; r++)
            {
                var (segment, size) = QuerySegment(window, r);
                if (size < bytes) throw new InvalidOperationException($"MPI_Win_shared_query: rank {r}'s segment has {size} bytes, expected {bytes}");
                segments[r] = segment;
            }
            Check(MPI_Win_lock_all(ModeNoCheck, window), "MPI_Win_lock_all");
            var buffer = new SharedFloatBuffer(this, window, segments, Rank, length);
            _live.Add(buffer);
            return buffer;
        }
        catch
        {
            MPI_Win_free(&window);
            throw;
        }
    }

    /// <summary>In-place sum over ranks of [offset, offset + count) of <paramref name="buffer"/>. Collective.</summary>
    public void AllreduceSum(SharedFloatBuffer buffer, int offset, int count)
    {
        CheckOwned(buffer);
        buffer.CheckRange(offset, count);
        if (count == 0) return;
        int window = buffer.Window;
        Synchronize(window);
        var (start, end) = SegmentSum.Slice(offset, count, Rank, Size);
        SegmentSum.SumIntoAll(buffer.Segments, start, end - start);
        Synchronize(window);
    }

    /// <summary>Copies rank <paramref name="root"/>'s segment into every other rank's. Collective.</summary>
    public void Broadcast(SharedFloatBuffer buffer, int root)
    {
        CheckOwned(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, Size);
        int window = buffer.Window;
        Synchronize(window);
        if (Rank != root) new ReadOnlySpan<float>((float*)buffer.Segments[root], buffer.Length).CopyTo(buffer.Span);
        Synchronize(window);
    }

    /// <summary>
    /// Rank <paramref name="rank"/>'s segment of <paramref name="buffer"/>'s window as MPI_Win_shared_query reports it
    /// (base address and bytes). The rank is passed to MPI unchecked: MPI's own error comes back as <see cref="MpiException"/>.
    /// </summary>
    public (nint Base, long Bytes) QuerySegment(SharedFloatBuffer buffer, int rank)
    {
        CheckOwned(buffer);
        return QuerySegment(buffer.Window, rank);
    }

    /// <summary>Frees every window still allocated (in allocation order), then the node communicator. Collective.</summary>
    public void Dispose()
    {
        if (_nodeComm == CommNull) return;
        foreach (var buffer in _live.ToArray()) Release(buffer);
        int node = _nodeComm;
        _nodeComm = CommNull;
        Check(MPI_Comm_free(&node), "MPI_Comm_free");
    }

    internal void Release(SharedFloatBuffer buffer)
    {
        if (buffer.IsFreed) return;
        _live.Remove(buffer);
        buffer.Free();
    }

    private static (nint Base, long Bytes) QuerySegment(int window, int rank)
    {
        long size;
        int unit;
        void* segment;
        Check(MPI_Win_shared_query(window, rank, &size, &unit, &segment), "MPI_Win_shared_query");
        return ((nint)segment, size);
    }

    private void Synchronize(int window)
    {
        Check(MPI_Win_sync(window), "MPI_Win_sync");
        Check(MPI_Barrier(_nodeComm), "MPI_Barrier");
        Check(MPI_Win_sync(window), "MPI_Win_sync");
    }

    private static void CheckUnified(int window)
    {
        int* model;
        int flag;
        Check(MPI_Win_get_attr(window, WinModel, &model, &flag), "MPI_Win_get_attr");
        if (flag == 0 || *model != WinUnified)
            throw new InvalidOperationException($"the shared window's memory model is {(flag == 0 ? "unknown" : *model)}, not MPI_WIN_UNIFIED ({WinUnified}); set {AllreduceModes.EnvironmentVariable}=mpi");
    }

    private void CheckOwned(SharedFloatBuffer buffer)
    {
        if (!ReferenceEquals(buffer.Owner, this)) throw new ArgumentException("the buffer belongs to another shared-memory allreduce");
    }
}
