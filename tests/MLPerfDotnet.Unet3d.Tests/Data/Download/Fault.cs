namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

/// <summary>What the server does to the next request for a path.</summary>
public enum FaultKind { Status, ResetAfter, TruncateAfter, StallAfter, IgnoreRange, ShortRange }

public sealed record Fault(FaultKind Kind, int Status = 0, int Bytes = 0, int RetryAfterSeconds = -1)
{
    public static Fault Code(int status, int retryAfterSeconds = -1) => new(FaultKind.Status, status, RetryAfterSeconds: retryAfterSeconds);
    public static Fault Reset(int afterBytes) => new(FaultKind.ResetAfter, Bytes: afterBytes);
    public static Fault Truncate(int afterBytes) => new(FaultKind.TruncateAfter, Bytes: afterBytes);
    public static Fault Stall(int afterBytes) => new(FaultKind.StallAfter, Bytes: afterBytes);
    public static Fault FullBody() => new(FaultKind.IgnoreRange);
    public static Fault ShortRange(int bytes) => new(FaultKind.ShortRange, Bytes: bytes);
}

public sealed record RecordedRequest(string Path, long? RangeStart);
