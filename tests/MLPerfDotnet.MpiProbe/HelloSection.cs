using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>Rank, size, local rank, the seeds and a scalar allreduce: the smoke test of the MPI layer.</summary>
public static class HelloSection
{
    public static int Run(ICommunicator comm, ProbeOptions options)
    {
        var ranks = new long[] { comm.Rank };
        comm.AllreduceSum(ranks);
        var locals = comm.Allgather(comm.LocalRank);
        var seeds = DistributedSeeds.Create(comm, options.Int("seed", 12345), epochs: 3);
        var workerSeeds = comm.Allgather(seeds.WorkerSeed);
        Console.WriteLine($"rank {comm.Rank}/{comm.Size} local {comm.LocalRank} worker_seed {seeds.WorkerSeed} communicator {comm.GetType().Name}");
        Report.Result(comm.Rank, "size", comm.Size);
        Report.Result(comm.Rank, "communicator", comm.GetType().Name);
        Report.Result(comm.Rank, "rank_sum", ranks[0]);
        Report.Result(comm.Rank, "local_ranks", string.Join(',', locals));
        Report.Result(comm.Rank, "worker_seeds", string.Join(',', workerSeeds));
        Report.Result(comm.Rank, "shuffling_seeds", string.Join(',', seeds.ShufflingSeeds));
        return 0;
    }
}
