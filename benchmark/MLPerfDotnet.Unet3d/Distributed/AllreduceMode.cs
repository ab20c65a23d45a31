namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>How <see cref="MpiCommunicator"/> reduces <see cref="FloatBuffer"/>s; set with <c>MLPERF_ALLREDUCE</c>.</summary>
public enum AllreduceMode
{
    /// <summary>Shared memory when every rank is on one node, MPI_Allreduce otherwise (the default).</summary>
    Auto,

    /// <summary>Always MPI_Allreduce.</summary>
    Mpi,

    /// <summary>Shared memory; starting fails when the ranks are not all on one node.</summary>
    SharedMemory,
}

/// <summary>Reads <see cref="EnvironmentVariable"/> and decides whether the shared-memory allreduce is used.</summary>
public static class AllreduceModes
{
    public const string EnvironmentVariable = "MLPERF_ALLREDUCE";

    public static AllreduceMode FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Unset or empty: auto. Otherwise auto, mpi or shm (case-insensitive); anything else is an error naming the variable.</summary>
    public static AllreduceMode Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => AllreduceMode.Auto,
        "mpi" => AllreduceMode.Mpi,
        "shm" => AllreduceMode.SharedMemory,
        _ => throw new ArgumentException($"{EnvironmentVariable}={value}: expected auto, mpi or shm"),
    };

    /// <summary>
    /// True when the shared-memory path should be used: more than one rank, all of them on this node
    /// (<paramref name="nodeSize"/> = <paramref name="worldSize"/>), and not turned off.
    /// </summary>
    public static bool UseSharedMemory(AllreduceMode mode, int worldSize, int nodeSize)
    {
        bool possible = worldSize > 1 && nodeSize == worldSize;
        if (mode == AllreduceMode.SharedMemory && !possible && worldSize > 1)
            throw new InvalidOperationException(
                $"{EnvironmentVariable}=shm needs every rank on one node, but this node has {nodeSize} of {worldSize} ranks; unset it or use mpi");
        return possible && mode != AllreduceMode.Mpi;
    }
}
