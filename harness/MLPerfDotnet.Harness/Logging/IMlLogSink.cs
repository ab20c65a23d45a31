namespace MLPerfDotnet.Harness.Logging;

/// <summary>Where formatted MLLOG lines go (stdout, a result file, a test buffer).</summary>
public interface IMlLogSink
{
    void WriteLine(string line);
}
