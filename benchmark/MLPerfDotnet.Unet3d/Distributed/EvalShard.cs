namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>The evaluation cases [<see cref="Start"/>, Start + <see cref="Count"/>) of the sorted list that one rank scores.</summary>
public sealed record EvalShard(int Start, int Count)
{
    public int End => Start + Count;

    public IEnumerable<int> Indices => Enumerable.Range(Start, Count);
}
