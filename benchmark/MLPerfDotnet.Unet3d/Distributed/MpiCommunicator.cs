using MpiUnsafe = MPI.Unsafe;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// <see cref="ICommunicator"/> over MPI.NET 1.4.0 on MPICH (MPI_COMM_WORLD). Collectives call MPI.NET's raw
/// bindings with pinned primitive buffers and MPI_IN_PLACE, so nothing is serialised and nothing is allocated per
/// call. One instance per process: MPI cannot be initialised twice.
/// <para>
/// <see cref="FloatBuffer"/>s (the gradient buffers) go through <see cref="SharedMemoryAllreduce"/> when every rank is
/// on this node, unless <c>MLPERF_ALLREDUCE=mpi</c> (<see cref="AllreduceModes"/>); otherwise, and for the array
/// overloads, through MPI_Allreduce.
/// </para>
/// </summary>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    /// <summary>MPICH's MPI_IN_PLACE, <c>(void*)-1</c>.</summary>
    private static readonly IntPtr InPlace = new(-1);

    private static readonly TimeSpan AbortOutputGrace = TimeSpan.FromMilliseconds(500);

    private readonly MPI.Environment _environment;
    private SharedMemoryAllreduce? _shared;
    private bool _disposed;

    private MpiCommunicator(MPI.Environment environment, int localRank)
    {
        _environment = environment;
        Rank = MPI.Communicator.world.Rank;
        Size = MPI.Communicator.world.Size;
        LocalRank = localRank;
    }

    /// <summary>How <see cref="FloatBuffer"/>s are reduced: "shared-memory" or "mpi".</summary>
    public string AllreducePath => _shared is null ? "mpi" : "shared-memory";

    /// <summary>The shared-memory allreduce, or null when FloatBuffers go through MPI_Allreduce.</summary>
    public SharedMemoryAllreduce? SharedMemory => _shared;

    public int Rank { get; }

    public int Size { get; }

    public int LocalRank { get; }

    /// <summary>Initialises MPI (MPI_Init_thread, serialized: one thread at a time calls MPI).</summary>
    public static MpiCommunicator Initialize(MpiLaunchEnvironment launch)
    {
        MpichLibrary.Register();
        if (MPI.Environment.Initialized) throw new InvalidOperationException("MPI is already initialised in this process");
        var args = Array.Empty<string>();
        var environment = new MPI.Environment(ref args, MPI.Threading.Serialized);
        var comm = new MpiCommunicator(environment, launch.LocalRank ?? 0);
        try
        {
            comm._shared = SharedMemoryAllreduce.TryCreate(comm.Rank, comm.Size, AllreduceModes.FromEnvironment());
        }
        catch
        {
            comm.Dispose();
            throw;
        }
        return comm;
    }

    public void Barrier() => Check(MpiUnsafe.MPI_Barrier(MpiUnsafe.MPI_COMM_WORLD), "MPI_Barrier");

    public void Broadcast(float[] buffer, int root)
    {
        fixed (float* p = buffer) Check(MpiUnsafe.MPI_Bcast((IntPtr)p, buffer.Length, MpiUnsafe.MPI_FLOAT, root, MpiUnsafe.MPI_COMM_WORLD), "MPI_Bcast");
    }

    public void Broadcast(long[] buffer, int root)
    {
        fixed (long* p = buffer) Check(MpiUnsafe.MPI_Bcast((IntPtr)p, buffer.Length, MpiUnsafe.MPI_LONG_LONG, root, MpiUnsafe.MPI_COMM_WORLD), "MPI_Bcast");
    }

    public void AllreduceSum(float[] buffer) => AllreduceSum(buffer, 0, buffer.Length);

    public void AllreduceSum(float[] buffer, int offset, int count)
    {
        var span = buffer.AsSpan(offset, count);
        fixed (float* p = span) AllreduceInPlace((IntPtr)p, count, MpiUnsafe.MPI_FLOAT);
    }

    public FloatBuffer AllocateFloats(int length)
        => (FloatBuffer?)_shared?.TryAllocate(length) ?? new ManagedFloatBuffer(length);

    public void AllreduceSum(FloatBuffer buffer, int offset, int count)
    {
        buffer.CheckRange(offset, count);
        if (buffer is SharedFloatBuffer s) SharedOf(s).AllreduceSum(s, offset, count);
        else AllreduceInPlace((IntPtr)(buffer.Pointer + offset), count, MpiUnsafe.MPI_FLOAT);
    }

    public void Broadcast(FloatBuffer buffer, int root)
    {
        if (buffer is SharedFloatBuffer s) SharedOf(s).Broadcast(s, root);
        else Check(MpiUnsafe.MPI_Bcast((IntPtr)buffer.Pointer, buffer.Length, MpiUnsafe.MPI_FLOAT, root, MpiUnsafe.MPI_COMM_WORLD), "MPI_Bcast");
    }

    public void AllreduceSum(double[] buffer)
    {
        fixed (double* p = buffer) AllreduceInPlace((IntPtr)p, buffer.Length, MpiUnsafe.MPI_DOUBLE);
    }

    public void AllreduceSum(long[] buffer)
    {
        fixed (long* p = buffer) AllreduceInPlace((IntPtr)p, buffer.Length, MpiUnsafe.MPI_LONG_LONG);
    }

    public long[] Allgather(long value) => MPI.Communicator.world.Allgather(value);

    /// <summary>
    /// MPI_Abort(MPI_COMM_WORLD): Hydra kills every rank; mpiexec exits non-zero. Waits a moment first so that Hydra
    /// forwards what this rank just wrote (its error) before the kill tears the output pipes down.
    /// </summary>
    public void Abort(int exitCode)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Thread.Sleep(AbortOutputGrace);
        MpiUnsafe.MPI_Abort(MpiUnsafe.MPI_COMM_WORLD, exitCode == 0 ? 1 : exitCode);
        Environment.Exit(exitCode == 0 ? 1 : exitCode);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _shared?.Dispose();
        }
        finally
        {
            _environment.Dispose();
        }
    }

    private static void AllreduceInPlace(IntPtr buffer, int count, int datatype)
    {
        if (count == 0) return;
        Check(MpiUnsafe.MPI_Allreduce(InPlace, buffer, count, datatype, MpiUnsafe.MPI_SUM, MpiUnsafe.MPI_COMM_WORLD), "MPI_Allreduce");
    }

    private SharedMemoryAllreduce SharedOf(SharedFloatBuffer buffer)
        => ReferenceEquals(buffer.Owner, _shared) ? _shared : throw new ArgumentException("the shared buffer does not belong to this communicator");

    private static void Check(int errorCode, string call) => MpichShared.Check(errorCode, call);
}
