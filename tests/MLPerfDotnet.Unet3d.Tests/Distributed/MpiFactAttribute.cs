using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>A fact that needs MPICH's launcher; skipped (not failed) where mpiexec.mpich is not installed.</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute()
    {
        if (MpiLauncher.FindLauncher() is null)
            Skip = $"{MpiLauncher.Launcher} not found on PATH: install MPICH (apt-get install mpich libmpich-dev) to run the MPI tests";
    }
}
