namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// The collectives data-parallel training needs. One interface, two implementations: a single process
/// (<see cref="SingleProcessCommunicator"/>) and MPI over MPI.NET + MPICH. Primitive arrays only.
/// </summary>
public interface ICommunicator : IDisposable
{
    int Rank { get; }

    int Size { get; }

    void Barrier();

    void Broadcast(float[] buffer, int root);

    void Broadcast(long[] buffer, int root);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(float[] buffer);

    /// <summary>In-place elementwise sum over all ranks.</summary>
    void AllreduceSum(double[] buffer);

    /// <summary>Ends every rank of the job with a non-zero exit code (MPI_Abort).</summary>
    void Abort(int exitCode);
}
