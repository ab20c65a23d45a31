namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>Timeouts and retry bounds for one file.</summary>
public sealed record TransferPolicy
{
    /// <summary>Upper bound on one attempt (request, body and verification), enforced by a Polly timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>An attempt that receives no byte (headers or body) for this long is abandoned and resumed.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>First backoff delay; it doubles per retry with jitter, capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
}
