using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Rules;

/// <summary>The rule files shipped beside the assembly.</summary>
public class ShippedRulesTests
{
    public static TheoryData<string> Editions => ["training_3.0.0", "training_3.1.0", "training_4.0.0"];

    [Fact]
    public void ThreeRulesetsShip() => Assert.Equal(["3.0.0", "3.1.0", "4.0.0"], ComplianceChecker.AvailableRulesets());

    [Theory]
    [MemberData(nameof(Editions))]
    public void EachEdition_HasTheFiveUnet3dFiles_EachNamingItsUpstreamFile(string edition)
    {
        string dir = Path.Combine(ComplianceChecker.RulesRoot, edition);
        var set = RuleSetLoader.LoadDirectory(dir);
        Assert.Equal(["closed_common.yaml", "closed_unet3d.yaml", "common.yaml", "open_common.yaml", "open_unet3d.yaml"],
            set.Files.Keys.Order(StringComparer.Ordinal));
        foreach (string name in set.Files.Keys)
            Assert.StartsWith($"# Port of mlcommons/logging mlperf_logging/compliance_checker/{edition}/{name}",
                File.ReadAllText(Path.Combine(dir, name)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void SubmissionKeys_AreCheckedOnFirstOccurrenceOnly_AsUpstream(string edition)
    {
        var keys = RuleSetLoader.LoadDirectory(Path.Combine(ComplianceChecker.RulesRoot, edition)).Files.Values.SelectMany(f => f.Keys);
        Assert.All(keys, k => Assert.Equal(k.Key.Contains("submission_", StringComparison.Ordinal), k.FirstOccurrenceOnly));
    }

    [Fact]
    public void ClosedUnet3dRules_AreIdenticalAcrossEditions()
    {
        string Body(string edition) => string.Join('\n', File.ReadAllLines(Path.Combine(ComplianceChecker.RulesRoot, edition, "closed_unet3d.yaml")).Skip(4));
        Assert.Equal(Body("training_4.0.0"), Body("training_3.1.0"));
        Assert.Equal(Body("training_4.0.0"), Body("training_3.0.0"));
    }
}
