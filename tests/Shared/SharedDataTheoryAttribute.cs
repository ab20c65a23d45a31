namespace MLPerfDotnet.Tests.Shared;

/// <summary>A theory that needs a path under ../shared; it shows as skipped (never as passed) without it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] parts)
    {
        if (SharedData.PathOf(parts) is null)
            Skip = "../shared/" + string.Join('/', parts) + " is not present";
    }
}
