namespace MLPerfDotnet.Harness.Logging;

/// <summary>Splits input into physical lines and hands out only those carrying the MLLOG token.</summary>
public interface ILineSource
{
    IEnumerable<MlLogTokenLine> TokenLines();

    /// <summary>Complete once <see cref="TokenLines"/> has been enumerated to the end.</summary>
    LineStats Stats { get; }
}
