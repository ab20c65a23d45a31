namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>A fact built on the real v4.0 NVIDIA log in ../shared; skipped (never passed) without it.</summary>
public sealed class BaseLogFactAttribute : FactAttribute
{
    public BaseLogFactAttribute()
    {
        if (LogEdit.BasePath is null) Skip = "../shared/data/mlperf-logs (v4.0 NVIDIA result_00.txt) is not present";
    }
}
