using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Rules;

/// <summary>The per-edition benchmark facts (rules/training_X/benchmarks.yaml) and their reader.</summary>
public class BenchmarkFactsTests
{
    public static TheoryData<string> Rulesets => [.. ComplianceChecker.AvailableRulesets()];

    [Theory]
    [MemberData(nameof(Rulesets))]
    public void EveryEdition_HasUnet3dsFortyRunsTrimOfFourAndTarget(string ruleset)
    {
        var unet3d = BenchmarkFactsFile.For(ruleset, "unet3d");
        Assert.Equal((40, 4, 0.908), (unet3d.ResultFiles, unet3d.OlympicDropped, unet3d.Target));
    }

    /// <summary>The target is also a rule (closed_unet3d's eval_accuracy ATLEAST_ONE_CHECK): the two must agree in every edition.</summary>
    [Theory]
    [MemberData(nameof(Rulesets))]
    public void Target_EqualsTheClosedRuleThreshold(string ruleset)
    {
        var rules = ComplianceChecker.ForRuleset(ruleset).RuleSet.Files["closed_unet3d.yaml"];
        var check = Assert.IsType<ValueCheck>(rules.Keys.Single(k => k.Key == "eval_accuracy").AnyLine);
        Assert.Equal(PredicateOp.Gte, check.Predicate.Op);
        Assert.Equal(BenchmarkFactsFile.For(ruleset, "unet3d").Target, Convert.ToDouble(check.Predicate.Operand, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.0.0", "minigo", true)]
    [InlineData("2.1.0", "dlrm_dcnv2", false)]
    [InlineData("3.0.0", "gpt3", true)]
    [InlineData("3.0.0", "stable_diffusion", false)]
    [InlineData("3.1.0", "stable_diffusion", true)]
    [InlineData("4.0.0", "maskrcnn", false)]
    [InlineData("4.0.0", "llama2_70b_lora", true)]
    public void AllowedBenchmarks_FollowTheRound(string ruleset, string benchmark, bool allowed) =>
        Assert.Equal(allowed, BenchmarkFactsFile.ForRuleset(ruleset).Allows(benchmark));

    [Theory]
    [InlineData("4.0.0", "gpt3", 3, 1)]
    [InlineData("4.0.0", "bert", 10, 1)]
    [InlineData("1.0.0", "minigo", 10, 1)]
    [InlineData("4.0.0", "resnet", 5, 1)]
    [InlineData("4.0.0", "not_a_benchmark", 5, 1)]
    public void OtherBenchmarks_HaveUpstreamsCountsOrTheDefault(string ruleset, string benchmark, int files, int dropped) =>
        Assert.Equal((files, dropped, (double?)null), (BenchmarkFactsFile.For(ruleset, benchmark).ResultFiles,
            BenchmarkFactsFile.For(ruleset, benchmark).OlympicDropped, BenchmarkFactsFile.For(ruleset, benchmark).Target));

    [Fact]
    public void UnknownRuleset_GetsTheNewestEdition() =>
        Assert.Equal("4.0.0", BenchmarkFactsFile.ForRuleset("9.9.9").Edition);

    [Fact]
    public void FactsFile_IsNotLoadedAsARuleFile() =>
        Assert.DoesNotContain(BenchmarkFactsFile.FileName, ComplianceChecker.ForRuleset("4.0.0").RuleSet.Files.Keys);

    [Theory]
    [InlineData("default: {result_files: 5, olympic_dropped: 1}\nbenchmarks:\n  unet3d: {result_files: 0}\n", "training_t/benchmarks.yaml:3:26: result_files must be a whole number from 1 to 999")]
    [InlineData("default: {result_files: 5}\nbenchmarks: {}\n", "training_t/benchmarks.yaml:1:10: default needs 'olympic_dropped'")]
    [InlineData("default: {result_files: 5, olympic_dropped: 1}\nbenchmarks:\n  unet3d: {runs: 40}\n", "training_t/benchmarks.yaml:3:12: unknown field 'runs' in benchmark 'unet3d' (allowed: result_files, olympic_dropped, target)")]
    [InlineData("default: {result_files: 5, olympic_dropped: 1}\nbenchmarks:\n  unet3d: {result_files: 40, target: high}\n", "training_t/benchmarks.yaml:3:38: target must be a number")]
    [InlineData("benchmarks: {}\n", "training_t/benchmarks.yaml:1:1: a benchmark facts file needs 'default' and 'benchmarks'")]
    public void BadFile_IsRejectedWithFileLineColumn(string text, string message) =>
        Assert.Equal(message, Assert.Throws<RuleFileException>(() => BenchmarkFactsFile.Parse("training_t/benchmarks.yaml", text)).Message);
}
