namespace MLPerfDotnet.Tests.Shared;

/// <summary>A fact that needs <see cref="SmallTmpfs"/>; it shows as skipped (never as passed) where no tmpfs can be mounted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (SmallTmpfs.Unavailable is { } why) Skip = why;
    }
}
