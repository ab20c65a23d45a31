namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

/// <summary>
/// A fact that runs Debian's /usr/bin/python3 (with torch when <see cref="NeedsTorch"/>); skipped, not failed, where
/// that interpreter or its torch package is absent.
/// </summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private bool _needsTorch;

    public PythonFactAttribute()
    {
        if (!File.Exists(Python)) Skip = $"{Python} not found";
    }

    public bool NeedsTorch
    {
        get => _needsTorch;
        set
        {
            _needsTorch = value;
            if (value && Skip is null && !Directory.Exists("/usr/lib/python3/dist-packages/torch"))
                Skip = $"{Python} has no torch (apt-get install python3-torch)";
        }
    }
}
