using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Rules;

/// <summary>The rule files shipped beside the assembly.</summary>
public class ShippedRulesTests
{
    public static TheoryData<string> Editions =>
        ["training_1.0.0", "training_1.1.0", "training_2.0.0", "training_2.1.0", "training_3.0.0", "training_3.1.0", "training_4.0.0"];

    [Fact]
    public void EveryEditionWithUnet3dShips() =>
        Assert.Equal(["1.0.0", "1.1.0", "2.0.0", "2.1.0", "3.0.0", "3.1.0", "4.0.0"], ComplianceChecker.AvailableRulesets());

    [Theory]
    [MemberData(nameof(Editions))]
    public void EachEdition_HasItsRcpFile(string edition) =>
        Assert.True(File.Exists(MLPerfDotnet.Compliance.Rcp.RcpDataFile.PathFor(edition["training_".Length..], "unet3d")), edition);

    [Theory]
    [InlineData("1.0.0", false, 30L)]
    [InlineData("1.1.0", true, 30L)]
    [InlineData("2.0.0", true, null)]
    [InlineData("2.1.0", true, null)]
    [InlineData("3.0.0", false, null)]
    public void TensorListAndInitBudget_FollowTheEdition(string ruleset, bool tensorList, long? fixedBudget)
    {
        var set = RuleSetLoader.LoadDirectory(Path.Combine(ComplianceChecker.RulesRoot, "training_" + ruleset));
        var closed = set.Files["closed_unet3d.yaml"];
        Assert.Equal(tensorList, closed.EndChecks.Count == 1);
        Assert.Equal(tensorList, closed.Keys.Any(k => k.Key == "weights_initialization" && k.Append is not null));
        if (tensorList) Assert.Equal(50, closed.EndChecks[0].Required.Count);
        Assert.Equal(fixedBudget, set.Files["common.yaml"].FixedInitBudgetMinutes);
    }

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
        Assert.Equal(Body("training_4.0.0"), Body("training_1.0.0"));
        Assert.Equal(Body("training_2.1.0"), Body("training_1.1.0"));
        Assert.Equal(Body("training_2.1.0"), Body("training_2.0.0"));
    }
}
