namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>World of one: every collective is the identity. Never touches MPI.</summary>
public sealed class SingleProcessCommunicator : ICommunicator
{
    public static SingleProcessCommunicator Instance { get; } = new();

    public int Rank => 0;

    public int Size => 1;

    public int LocalRank => 0;

    public void Barrier() { }

    public void Broadcast(float[] buffer, int root) => CheckRoot(root);

    public void Broadcast(long[] buffer, int root) => CheckRoot(root);

    public void AllreduceSum(float[] buffer) { }

    public void AllreduceSum(float[] buffer, int offset, int count) => ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + count, buffer.Length);

    public FloatBuffer AllocateFloats(int length) => new ManagedFloatBuffer(length);

    public void AllreduceSum(FloatBuffer buffer, int offset, int count) => buffer.CheckRange(offset, count);

    public void Broadcast(FloatBuffer buffer, int root) => CheckRoot(root);

    public void AllreduceSum(double[] buffer) { }

    public void AllreduceSum(long[] buffer) { }

    public long[] Allgather(long value) => [value];

    public void Abort(int exitCode)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(exitCode == 0 ? 1 : exitCode);
    }

    public void Dispose() { }

    private static void CheckRoot(int root) => ArgumentOutOfRangeException.ThrowIfNotEqual(root, 0);
}
