namespace MLPerfDotnet.Harness.Logging;

/// <summary>Keeps lines in memory (tests, and callers that inspect what was logged).</summary>
public sealed class MemoryMlLogSink : IMlLogSink
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate) return [.. _lines];
        }
    }

    public void WriteLine(string line)
    {
        lock (_gate) _lines.Add(line);
    }
}
