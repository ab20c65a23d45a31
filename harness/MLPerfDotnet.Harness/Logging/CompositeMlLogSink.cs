namespace MLPerfDotnet.Harness.Logging;

/// <summary>Fans a line out to several sinks; one failing sink does not stop the others.</summary>
public sealed class CompositeMlLogSink(params IReadOnlyList<IMlLogSink> sinks) : IMlLogSink
{
    public void WriteLine(string line)
    {
        List<Exception>? errors = null;
        foreach (var sink in sinks)
        {
            try
            {
                sink.WriteLine(line);
            }
            catch (IOException e)
            {
                (errors ??= []).Add(e);
            }
        }
        if (errors is not null) throw new AggregateException("An MLLOG sink failed", errors);
    }
}
