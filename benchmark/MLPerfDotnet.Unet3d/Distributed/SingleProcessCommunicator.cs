namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>World of one: every collective is the identity.</summary>
public sealed class SingleProcessCommunicator : ICommunicator
{
    public static SingleProcessCommunicator Instance { get; } = new();

    public int Rank => 0;

    public int Size => 1;

    public void Barrier() { }

    public void Broadcast(float[] buffer, int root) { }

    public void Broadcast(long[] buffer, int root) { }

    public void AllreduceSum(float[] buffer) { }

    public void AllreduceSum(double[] buffer) { }

    public void Abort(int exitCode) => Environment.Exit(exitCode);

    public void Dispose() { }
}
