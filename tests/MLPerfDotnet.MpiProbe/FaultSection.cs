using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>
/// A failure on the last rank while the others block in an allreduce that can never complete.
/// --mode throw: an exception (RankGuard → MPI_Abort). --mode kill: the process kills itself with SIGKILL.
/// </summary>
public static class FaultSection
{
    public static int Run(ICommunicator comm, ProbeOptions options)
    {
        string mode = options.Text("mode", "throw");
        comm.Barrier();
        if (comm.Rank == comm.Size - 1)
        {
            Console.Error.WriteLine($"rank {comm.Rank}: injecting a failure ({mode})");
            Console.Error.Flush();
            if (mode == "kill") System.Diagnostics.Process.GetCurrentProcess().Kill();
            throw new InvalidOperationException($"probe: injected failure on rank {comm.Rank}");
        }
        var never = new float[16];
        comm.AllreduceSum(never);
        Console.WriteLine("unreachable: the allreduce completed");
        return 0;
    }
}
