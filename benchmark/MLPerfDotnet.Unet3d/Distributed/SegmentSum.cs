using System.Numerics;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// The arithmetic of the shared-memory allreduce: which part of a range each rank sums (<see cref="Slice"/>), and the
/// sum itself (<see cref="SumIntoAll"/>): element i of every segment becomes seg[0][i] + seg[1][i] + … + seg[N-1][i],
/// added left to right in rank order, so the result does not depend on which rank computed it.
/// </summary>
public static unsafe class SegmentSum
{
    /// <summary>Slice boundaries are multiples of this many floats (64 bytes): two ranks never write one cache line.</summary>
    public const int AlignFloats = 16;

    /// <summary>
    /// Rank <paramref name="rank"/>'s part [Start, End) of [offset, offset + count): about count / size elements, the
    /// inner boundaries rounded down to a multiple of <see cref="AlignFloats"/>. The parts of ranks 0..size-1 are
    /// disjoint, in order, and cover the range exactly (some may be empty).
    /// </summary>
    public static (int Start, int End) Slice(int offset, int count, int rank, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, size);
        return (Boundary(offset, count, rank, size), Boundary(offset, count, rank + 1, size));
    }

    /// <summary>
    /// For i in [start, start + length): s = seg[0][i] + seg[1][i] + … (rank order), then s is stored into every
    /// segment. Vectorised with <see cref="Vector{T}"/>; the lanes compute exactly what the scalar loop would.
    /// </summary>
    public static void SumIntoAll(ReadOnlySpan<nint> segments, int start, int length)
    {
        int n = segments.Length;
        if (n == 0 || length <= 0) return;
        if (n == 1) return;
        if (n == 2)
        {
            SumTwo((float*)segments[0] + start, (float*)segments[1] + start, length);
            return;
        }
        var p = stackalloc float*[n];
        for (int r = 0; r < n; r++) p[r] = (float*)segments[r] + start;
        int w = Vector<float>.Count, i = 0;
        for (; i <= length - w; i += w)
        {
            var acc = Vector.Load(p[0] + i);
            for (int r = 1; r < n; r++) acc += Vector.Load(p[r] + i);
            for (int r = 0; r < n; r++) acc.Store(p[r] + i);
        }
        for (; i < length; i++)
        {
            float acc = p[0][i];
            for (int r = 1; r < n; r++) acc += p[r][i];
            for (int r = 0; r < n; r++) p[r][i] = acc;
        }
    }

    private static void SumTwo(float* a, float* b, int length)
    {
        int w = Vector<float>.Count, i = 0;
        for (; i <= length - 2 * w; i += 2 * w)
        {
            var s0 = Vector.Load(a + i) + Vector.Load(b + i);
            var s1 = Vector.Load(a + i + w) + Vector.Load(b + i + w);
            s0.Store(a + i);
            s1.Store(a + i + w);
            s0.Store(b + i);
            s1.Store(b + i + w);
        }
        for (; i < length; i++)
        {
            float s = a[i] + b[i];
            a[i] = s;
            b[i] = s;
        }
    }

    private static int Boundary(int offset, int count, int r, int size)
    {
        if (r == 0) return offset;
        if (r == size) return offset + count;
        long even = offset + (long)count * r / size;
        long aligned = even & ~(long)(AlignFloats - 1);
        return (int)Math.Clamp(aligned, offset, (long)offset + count);
    }
}
