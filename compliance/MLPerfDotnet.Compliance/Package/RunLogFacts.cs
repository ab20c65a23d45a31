using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>What the package checks read from one result file (its seeds, its RCP facts), gathered line by line.</summary>
public sealed class RunLogFacts
{
    private readonly SeedReader _seeds = new();
    private readonly RcpRunReader _rcp = new();

    public void Accept(MlLogTokenLine line)
    {
        _seeds.Accept(line);
        _rcp.Accept(line);
    }

    public SeedReading Seeds() => _seeds.Finish();

    public RcpRunReading Rcp(string path) => _rcp.Finish(path);
}
