namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Sharded evaluation (unet3d-reference.md §5). The sorted eval cases are split like <c>np.array_split</c>:
/// contiguous chunks, the first <c>cases % size</c> chunks one larger. The score is the sum of per-case scores over
/// all ranks divided by the number of cases, as NVIDIA does, so each of the 42 volumes weighs exactly 1/42 for any
/// rank count. (The reference's mean of per-rank means differs whenever 42 % size != 0.)
/// </summary>
public static class EvalSharding
{
    public static EvalShard Shard(int cases, int rank, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, size);
        int q = cases / size, r = cases % size;
        int start = rank * q + Math.Min(rank, r);
        return new EvalShard(start, q + (rank < r ? 1 : 0));
    }

    /// <summary>
    /// Combines every rank's sums of per-case scores into the all-case mean. Every rank calls it (an allreduce) and
    /// gets the same result.
    /// </summary>
    /// <param name="perCaseSumKidney">Sum over this rank's cases of the kidney (L1) Dice.</param>
    /// <param name="perCaseSumTumor">Sum over this rank's cases of the tumor (L2) Dice.</param>
    /// <param name="count">How many cases this rank scored.</param>
    public static MeanDice ReduceMeanDice(ICommunicator comm, double perCaseSumKidney, double perCaseSumTumor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var sums = new[] { perCaseSumKidney, perCaseSumTumor, count };
        comm.AllreduceSum(sums);
        int total = (int)sums[2];
        if (total == 0) throw new InvalidOperationException("no rank evaluated any case");
        return new MeanDice(sums[0] / total, sums[1] / total, total);
    }

    /// <summary>Same as the sums overload, from this rank's per-case scores.</summary>
    public static MeanDice ReduceMeanDice(ICommunicator comm, IReadOnlyList<double> kidneyScores, IReadOnlyList<double> tumorScores)
    {
        if (kidneyScores.Count != tumorScores.Count)
            throw new ArgumentException($"{kidneyScores.Count} kidney scores but {tumorScores.Count} tumor scores");
        return ReduceMeanDice(comm, kidneyScores.Sum(), tumorScores.Sum(), kidneyScores.Count);
    }
}
