namespace MLPerfDotnet.Harness.Logging;

/// <summary>Drops every line (ranks other than 0).</summary>
public sealed class NullMlLogSink : IMlLogSink
{
    public static NullMlLogSink Instance { get; } = new();

    private NullMlLogSink() { }

    public void WriteLine(string line) { }
}
