using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>first_occurrence_only, include, per-file override of keyed messages, parse errors, empty logs.</summary>
public class EngineSemanticsTests
{
    [BaseLogFact]
    public void FirstOccurrenceOnly_LaterBadSubmissionValueIsNotChecked_ButCounted() =>
        LogEdit.Base().Duplicate("submission_status", o => o["value"] = "bogus").Check()
            .FailsWith("Required EXACTLY_ONE occurrence of 'submission_status' but found 2 with different values: [onprem, bogus]");

    [BaseLogFact]
    public void FirstOccurrenceOnly_DecidesWhetherLaterLinesAreChecked()
    {
        const string rule = "  - key: submission_status\n    require: exactly_one\n    first_occurrence_only: true\n";
        var firstOnly = TestRules.Variant("common.yaml", t => t.Replace(rule, "  - key: submission_status\n    first_occurrence_only: true\n", StringComparison.Ordinal));
        var everyLine = TestRules.Variant("common.yaml", t => t.Replace(rule, "  - key: submission_status\n", StringComparison.Ordinal));
        var log = LogEdit.Base().Duplicate("submission_status", o => o["value"] = "bogus");
        log.Check(firstOnly).Passes();
        log.Check(everyLine).FailsTest("submission_status", " v['value'] in ['cloud', 'onprem', 'preview', 'research'] ");
    }

    [BaseLogFact]
    public void Include_OpenDivision_LoadsOpenRuleFiles()
    {
        var report = LogEdit.Base().SetValue("submission_division", "open").Check();
        report.Passes();
        Assert.Equal(["training_4.0.0/common.yaml", "training_4.0.0/open_common.yaml", "training_4.0.0/open_unet3d.yaml"], report.ConfigsLoaded);
    }

    [BaseLogFact]
    public void Include_UnknownDivision_FailsCheckAndNamesTheMissingFile() =>
        LogEdit.Base().SetValue("submission_division", "Closed").Check().FailsWith(
            "CHECK for 'submission_division' failed in line 4:", "Could not find config file: training_4.0.0/Closed_common.yaml");

    [BaseLogFact]
    public void Include_ValueWithPathCharacters_StaysInsideTheEditionFolder() =>
        Assert.Contains("Could not find config file: training_4.0.0/../training_3.0.0/closed_common.yaml",
            LogEdit.Base().SetValue("submission_division", "../training_3.0.0/closed").Check().ErrorLines());

    [BaseLogFact]
    public void Override_LaterFileRuleForAKeyDeletesEarlierMessages()
    {
        // common.yaml fails train_samples "" (ne_empty), closed_unet3d.yaml has its own rule: only its message remains.
        var error = Assert.Single(LogEdit.Base().SetValue("train_samples", "").Check().Errors);
        Assert.Equal("training_4.0.0/closed_unet3d.yaml", error.RuleFile);
        Assert.Contains("failed test:  v['value'] == 168", error.Message, StringComparison.Ordinal);
    }

    [BaseLogFact]
    public void Override_RuleWithoutChecksInALaterFile_ClearsTheEarlierFailure()
    {
        var rules = TestRules.Of(
            ("common.yaml", "keys:\n  - key: seed\n    checks:\n      - value: { eq: 1 }\n  - key: submission_division\n    include: \"{value}.yaml\"\n"),
            ("closed.yaml", "keys:\n  - key: seed\n    require: exactly_one\n"));
        Assert.True(LogEdit.Base().Check(rules).Pass);
        Assert.False(LogEdit.Base().SetValue("submission_division", "open").Check(rules).Pass);
    }

    [BaseLogFact]
    public void ParseError_FailsTheLogAndNamesTheLine()
    {
        var log = LogEdit.Base();
        int seed = log.IndexOf("seed");
        var report = log.ReplaceLine(seed, log.Lines[seed][..^1]).Check();
        report.FailsWith("Required EXACTLY_ONE occurrence of 'seed' but found 0", "Log lines had parsing errors.");
        var parse = Assert.Single(report.ParseErrors);
        Assert.Equal(seed + 1, parse.PhysicalLine);
        Assert.StartsWith("Expecting ',' delimiter: line 1 column", parse.Message, StringComparison.Ordinal);
        Assert.Equal(562, report.RecordsParsed);
        Assert.Equal(563, report.MllogLines);
    }

    [Fact]
    public void EmptyLog_ReportsNoLogLinesAndEveryRequiredKey()
    {
        var report = ComplianceChecker.Check([], "4.0.0");
        Assert.False(report.Pass);
        Assert.Contains("No log lines detected", report.ErrorLines());
        Assert.Equal(17, report.Errors.Count);
        Assert.Equal(["training_4.0.0/common.yaml"], report.ConfigsLoaded);
    }

    [Fact]
    public void UnreadableFile_IsAFailingFindingNotAnException()
    {
        var report = ComplianceChecker.Check("/nonexistent/result_00.txt");
        Assert.False(report.Pass);
        Assert.Equal(FindingKind.Input, Assert.Single(report.Errors).Kind);
    }

    [Fact]
    public void UnknownRuleset_Throws() => Assert.Throws<ArgumentException>(() => ComplianceChecker.ForRuleset("9.9.9"));
}
