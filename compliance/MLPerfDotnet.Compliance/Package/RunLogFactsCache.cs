using System.Collections.Concurrent;
using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>
/// The <see cref="RunLogFacts"/> of logs already read in the per-log rule pass (<c>mlperf check</c>), by full path,
/// so the seed checker and the RCP reader use that one parse instead of reading each file again. A file not
/// held is read when asked for.
/// </summary>
public sealed class RunLogFactsCache
{
    private readonly ConcurrentDictionary<string, RunLogFacts> _byFullPath = new(StringComparer.Ordinal);

    public void Add(string path, RunLogFacts facts) => _byFullPath[Path.GetFullPath(path)] = facts;

    public SeedReading Seeds(string path) =>
        _byFullPath.TryGetValue(Path.GetFullPath(path), out var facts) ? facts.Seeds() : SeedReader.ReadFile(path);

    public RcpRunReading Rcp(string path) =>
        _byFullPath.TryGetValue(Path.GetFullPath(path), out var facts) ? facts.Rcp(path) : RcpRunReader.Read(path);
}
