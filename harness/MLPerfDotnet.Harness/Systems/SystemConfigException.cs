namespace MLPerfDotnet.Harness.Systems;

/// <summary>A system config or description that cannot be used; the message names the file.</summary>
public sealed class SystemConfigException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
