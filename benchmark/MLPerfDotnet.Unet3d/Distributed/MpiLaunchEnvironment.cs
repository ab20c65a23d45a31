using System.Globalization;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// What the launcher told this process through its environment. MPICH's Hydra (mpiexec.mpich, and the Kubeflow
/// MPIJob launcher with mpiImplementation MPICH) sets PMI_RANK, PMI_SIZE and MPI_LOCALRANKID for every rank.
/// </summary>
public sealed record MpiLaunchEnvironment(int? Rank, int? Size, int? LocalRank)
{
    /// <summary>True when started by an MPI launcher: then MPI must be initialised by every rank.</summary>
    public bool IsUnderMpiexec => Rank is not null && Size is not null;

    public static MpiLaunchEnvironment Current() => FromVariables(Environment.GetEnvironmentVariable);

    public static MpiLaunchEnvironment FromVariables(Func<string, string?> get)
    {
        int? Read(params string[] names)
        {
            foreach (var name in names)
            {
                if (int.TryParse(get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0) return v;
            }
            return null;
        }
        return new MpiLaunchEnvironment(
            Read("PMI_RANK"),
            Read("PMI_SIZE"),
            Read("MPI_LOCALRANKID", "OMPI_COMM_WORLD_LOCAL_RANK", "LOCAL_RANK"));
    }
}
