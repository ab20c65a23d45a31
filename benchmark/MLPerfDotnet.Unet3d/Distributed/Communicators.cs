namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Picks the communicator for this process.</summary>
public static class Communicators
{
    /// <summary>
    /// <see cref="MpiCommunicator"/> when launched under mpiexec (Hydra's PMI_RANK and PMI_SIZE are set), otherwise
    /// <see cref="SingleProcessCommunicator"/>, which makes no MPI call at all, so a single-process run works
    /// without MPICH installed.
    /// </summary>
    public static ICommunicator Create() => Create(MpiLaunchEnvironment.Current());

    public static ICommunicator Create(MpiLaunchEnvironment launch)
        => launch.IsUnderMpiexec ? MpiCommunicator.Initialize(launch) : SingleProcessCommunicator.Instance;
}
