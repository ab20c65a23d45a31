using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>Loads the shipped RCP tables for tests.</summary>
internal static class RcpTestData
{
    public static RcpTable Table(string ruleset, RcpOptions? options = null) =>
        new("unet3d", RcpDataFile.Load(RcpDataFile.PathFor(ruleset, "unet3d")), options ?? RcpOptions.Head(ruleset));

    public static RcpRecord Record(this RcpTable table, double bs) => table.All.Single(r => r.BatchSize == bs);
}
