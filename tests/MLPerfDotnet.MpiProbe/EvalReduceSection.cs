using System.Globalization;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>
/// Sharded evaluation: 42 per-case scores (deterministic), each rank sums its array_split shard, and the reduced
/// mean must equal the single-process mean over all 42 cases.
/// </summary>
public static class EvalReduceSection
{
    public static int Run(ICommunicator comm, ProbeOptions options)
    {
        int cases = options.Int("cases", 42);
        var rng = new Random(2024);
        var kidney = Enumerable.Range(0, cases).Select(_ => rng.NextDouble()).ToArray();
        var tumor = Enumerable.Range(0, cases).Select(_ => rng.NextDouble()).ToArray();
        var shard = EvalSharding.Shard(cases, comm.Rank, comm.Size);
        var mine = shard.Indices.ToArray();
        var reduced = EvalSharding.ReduceMeanDice(comm, mine.Select(i => kidney[i]).ToArray(), mine.Select(i => tumor[i]).ToArray());
        double expected = (kidney.Average() + tumor.Average()) / 2;
        var rankMeans = new[] { shard.Count == 0 ? 0 : mine.Average(i => (kidney[i] + tumor[i]) / 2) };
        comm.AllreduceSum(rankMeans);
        double meanOfRankMeans = rankMeans[0] / comm.Size;
        var counts = comm.Allgather(shard.Count);
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Report.Result(comm.Rank, "shard_counts", string.Join(',', counts));
        Report.Result(comm.Rank, "cases", reduced.Cases);
        Report.Result(comm.Rank, "mean_dice", F(reduced.Mean));
        Report.Result(comm.Rank, "expected", F(expected));
        Report.Result(comm.Rank, "mean_of_rank_means", F(meanOfRankMeans));
        bool ok = reduced.Cases == cases && Math.Abs(reduced.Mean - expected) <= 1e-12;
        Report.Result(comm.Rank, "equal", ok);
        return ok ? 0 : 1;
    }
}
