namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Where one data-parallel step's time went: forward + backward (<see cref="Compute"/>, measured by the caller),
/// copying gradients between tensors and the flat buffers (<see cref="Copy"/>), MPI allreduce (<see cref="Allreduce"/>),
/// and waiting for the slowest rank in a barrier before the first allreduce (<see cref="Wait"/>, load imbalance;
/// zero unless the averager measures it).
/// </summary>
public sealed record StepTimings(TimeSpan Compute, TimeSpan Copy, TimeSpan Allreduce, TimeSpan Wait)
{
    public static StepTimings Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan Total => Compute + Copy + Allreduce + Wait;

    public StepTimings Add(StepTimings other)
        => new(Compute + other.Compute, Copy + other.Copy, Allreduce + other.Allreduce, Wait + other.Wait);

    public StepTimings Divide(int steps)
        => steps <= 0 ? Zero : new(Compute / steps, Copy / steps, Allreduce / steps, Wait / steps);
}
