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

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(double[] buffer);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(long[] buffer);

    /// <summary>Every rank's <paramref name="value"/>, indexed by rank.</summary>
    long[] Allgather(long value);

    /// <summary>Ends every rank of the job with a non-zero exit code (MPI_Abort).</summary>
    void Abort(int exitCode);
}
