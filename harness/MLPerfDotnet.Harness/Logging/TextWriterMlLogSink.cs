namespace MLPerfDotnet.Harness.Logging;

/// <summary>Writes each line to a <see cref="TextWriter"/> and flushes it; <see cref="Stdout"/> is the reference's default handler.</summary>
public sealed class TextWriterMlLogSink(TextWriter writer) : IMlLogSink
{
    public static TextWriterMlLogSink Stdout { get; } = new(Console.Out);

    private readonly Lock _gate = new();

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
