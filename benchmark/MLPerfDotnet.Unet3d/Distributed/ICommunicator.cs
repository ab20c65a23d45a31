namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// The collectives data-parallel training needs. One interface, two implementations: a single process
/// (<see cref="SingleProcessCommunicator"/>) and MPI over MPI.NET + MPICH (<see cref="MpiCommunicator"/>).
/// Primitive arrays only (MPI.NET's object collectives need BinaryFormatter, which .NET 10 removed).
/// Every rank must call the same collectives in the same order.
/// </summary>
public interface ICommunicator : IDisposable
{
    int Rank { get; }

    int Size { get; }

    /// <summary>Rank among the processes on this node (selects the GPU: cuda:LocalRank).</summary>
    int LocalRank { get; }

    void Barrier();

    void Broadcast(float[] buffer, int root);

    void Broadcast(long[] buffer, int root);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(float[] buffer);

    /// <summary>In-place elementwise sum over all ranks of <paramref name="count"/> elements from <paramref name="offset"/>.</summary>
    void AllreduceSum(float[] buffer, int offset, int count);

    /// <summary>
    /// A buffer for <see cref="AllreduceSum(FloatBuffer, int, int)"/> and <see cref="Broadcast(FloatBuffer, int)"/>,
    /// placed where this communicator reduces it fastest: this rank's segment of a shared-memory window when every rank
    /// is on one node (<see cref="MpiCommunicator"/>), a pinned managed array otherwise. Collective: every rank allocates
    /// (and disposes) the same lengths in the same order.
    /// </summary>
    FloatBuffer AllocateFloats(int length);

    /// <summary>In-place elementwise sum over all ranks of <paramref name="count"/> elements from <paramref name="offset"/>.</summary>
    void AllreduceSum(FloatBuffer buffer, int offset, int count);

    /// <summary>Copies rank <paramref name="root"/>'s buffer into every rank's.</summary>
    void Broadcast(FloatBuffer buffer, int root);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(double[] buffer);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(long[] buffer);

    /// <summary>Every rank's <paramref name="value"/>, indexed by rank.</summary>
    long[] Allgather(long value);

    /// <summary>Ends every rank of the job with a non-zero exit code (MPI_Abort).</summary>
    void Abort(int exitCode);
}
