using System.Globalization;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>
/// The shared-memory allreduce against MPI_Allreduce on random data: a buffer of an odd length, reduced as a whole and
/// as uneven buckets (lengths 0, 1, 2, 3, below and not divisible by the rank count, at odd offsets, with a tail left
/// unreduced). Every rank can regenerate every rank's data, so it also computes the expected sum in rank order.
/// Checks (all ranks): the FloatBuffer result equals the rank-order sum bit for bit and is identical on every rank;
/// its bit mismatches against MPI_Allreduce are reported (they must be 0 for 2 ranks: a + b = b + a).
/// </summary>
public static class ShmReduceSection
{
    public static int Run(ICommunicator comm, ProbeOptions options)
    {
        int length = options.Int("length", 100_003), seed = options.Int("seed", 11);
        var ranges = Ranges(length);
        using var shared = comm.AllocateFloats(length);
        long expectedMismatches = 0, mpiMismatches = 0;
        double maxMpiDifference = 0;
        var hashes = new List<long>();
        foreach (var pass in new[] { "whole", "buckets" })
        {
            var passRanges = pass == "whole" ? [(0, length)] : ranges;
            var all = Enumerable.Range(0, comm.Size).Select(r => Data(seed + 100 * r + pass.Length, length)).ToArray();
            var mpi = (float[])all[comm.Rank].Clone();
            all[comm.Rank].CopyTo(shared.Span);
            foreach (var (offset, count) in passRanges)
            {
                comm.AllreduceSum(mpi, offset, count);
                comm.AllreduceSum(shared, offset, count);
            }
            var expected = (float[])all[comm.Rank].Clone();
            foreach (var (offset, count) in passRanges)
            {
                for (int i = offset; i < offset + count; i++)
                {
                    float s = all[0][i];
                    for (int r = 1; r < comm.Size; r++) s += all[r][i];
                    expected[i] = s;
                }
            }
            var got = shared.Span;
            for (int i = 0; i < length; i++)
            {
                if (BitConverter.SingleToInt32Bits(got[i]) != BitConverter.SingleToInt32Bits(expected[i])) expectedMismatches++;
                if (BitConverter.SingleToInt32Bits(got[i]) != BitConverter.SingleToInt32Bits(mpi[i]))
                {
                    mpiMismatches++;
                    maxMpiDifference = Math.Max(maxMpiDifference, Math.Abs(got[i] - mpi[i]) / Math.Max(1e-30, Math.Abs(mpi[i])));
                }
            }
            int reduced = passRanges.Max(r => r.Item1 + r.Item2);
            hashes.Add(Hash(got[..reduced]));
        }
        var counts = new long[] { expectedMismatches, mpiMismatches };
        comm.AllreduceSum(counts);
        bool identical = hashes.All(h => comm.Allgather(h).Distinct().Count() == 1);
        string error = ProvokeError(comm, shared);
        Report.Result(comm.Rank, "ranks", comm.Size);
        Report.Result(comm.Rank, "path", comm is MpiCommunicator m ? m.AllreducePath : "single-process");
        Report.Result(comm.Rank, "placement", shared.Placement);
        Report.Result(comm.Rank, "length", length);
        Report.Result(comm.Rank, "buckets", ranges.Count);
        Report.Result(comm.Rank, "expected_mismatches", counts[0]);
        Report.Result(comm.Rank, "mpi_mismatches", counts[1]);
        Report.Result(comm.Rank, "mpi_max_relative_difference", maxMpiDifference.ToString("E2", CultureInfo.InvariantCulture));
        Report.Result(comm.Rank, "identical_across_ranks", identical);
        Report.Result(comm.Rank, "error", error);
        bool ok = counts[0] == 0 && identical && (comm.Size > 2 || counts[1] == 0);
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Buckets over [0, length - 5): small and odd lengths first (those that fit in the first half), then the rest in
    /// three uneven parts; the last 5 elements stay unreduced.
    /// </summary>
    private static List<(int Offset, int Count)> Ranges(int length)
    {
        var ranges = new List<(int, int)>();
        int at = 0;
        foreach (int count in new[] { 1, 0, 2, 3, 5, 16, 17, 31, 1001, 4099 })
        {
            if (at + count > (length - 5) / 2) break;
            ranges.Add((at, count));
            at += count;
        }
        int rest = length - 5 - at;
        foreach (int part in new[] { rest / 3 + 1, rest / 3 - 1 })
        {
            ranges.Add((at, part));
            at += part;
        }
        ranges.Add((at, length - 5 - at));
        return ranges;
    }

    /// <summary>Values of mixed sign and magnitude (1e-3..1e3), so that the order of additions shows in the bits.</summary>
    private static float[] Data(int seed, int length)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 4)))).ToArray();
    }

    /// <summary>FNV-1a over the bits (deterministic across processes, unlike <see cref="HashCode"/>).</summary>
    private static long Hash(ReadOnlySpan<float> values)
    {
        ulong hash = 14695981039346656037;
        foreach (float v in values) hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(v)) * 1099511628211;
        return (long)hash;
    }

    /// <summary>The message of a deliberately failing MPI call (a segment query for a rank that does not exist), or "none".</summary>
    private static string ProvokeError(ICommunicator comm, FloatBuffer buffer)
    {
        if (comm is not MpiCommunicator { SharedMemory: { } shm } || buffer is not SharedFloatBuffer s) return "none";
        try
        {
            shm.QuerySegment(s, comm.Size + 7);
            return "no error";
        }
        catch (MpiException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }
}
