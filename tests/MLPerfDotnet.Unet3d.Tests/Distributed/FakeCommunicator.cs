using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>
/// An in-process stand-in for <paramref name="size"/> ranks that all hold the same data as this one: an allreduce sum
/// multiplies by the size; a broadcast writes <see cref="BroadcastFloats"/> or <see cref="BroadcastLongs"/> when set. Records calls and Abort.
/// With <paramref name="nativeBuffers"/>, <see cref="AllocateFloats"/> returns unmanaged memory (as a shared window is).
/// </summary>
public sealed class FakeCommunicator(int size, int rank = 0, bool nativeBuffers = false) : ICommunicator
{
    public int Rank => rank;

    public int Size => size;

    public int LocalRank => rank;

    public float[]? BroadcastFloats { get; set; }

    public long[]? BroadcastLongs { get; set; }

    public List<(int Offset, int Count)> FloatReductions { get; } = [];

    public int? AbortedWith { get; private set; }

    public void Barrier() { }

    public void Broadcast(float[] buffer, int root) => BroadcastFloats?.CopyTo(buffer, 0);

    public void Broadcast(long[] buffer, int root) => BroadcastLongs?.CopyTo(buffer, 0);

    public void AllreduceSum(float[] buffer) => AllreduceSum(buffer, 0, buffer.Length);

    public void AllreduceSum(float[] buffer, int offset, int count)
    {
        FloatReductions.Add((offset, count));
        for (int i = offset; i < offset + count; i++) buffer[i] *= size;
    }

    public FloatBuffer AllocateFloats(int length) => nativeBuffers ? new NativeFloatBuffer(length) : new ManagedFloatBuffer(length);

    public void AllreduceSum(FloatBuffer buffer, int offset, int count)
    {
        FloatReductions.Add((offset, count));
        foreach (ref float v in buffer.Slice(offset, count)) v *= size;
    }

    public void Broadcast(FloatBuffer buffer, int root) => BroadcastFloats?.CopyTo(buffer.Span);

    public void AllreduceSum(double[] buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] *= size;
    }

    public void AllreduceSum(long[] buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] *= size;
    }

    public long[] Allgather(long value) => Enumerable.Repeat(value, size).ToArray();

    public void Abort(int exitCode) => AbortedWith = exitCode;

    public void Dispose() { }
}
