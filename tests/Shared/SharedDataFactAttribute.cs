namespace MLPerfDotnet.Tests.Shared;

/// <summary>A fact that needs a path under ../shared; it shows as skipped (never as passed) without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] parts)
    {
        if (SharedData.PathOf(parts) is null)
            Skip = "../shared/" + string.Join('/', parts) + " is not present";
    }
}
