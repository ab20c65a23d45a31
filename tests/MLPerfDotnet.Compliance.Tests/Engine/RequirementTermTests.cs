using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>require: exactly_one / at_least_one / at_least_one_or / optional, on edits of a real log.</summary>
public class RequirementTermTests
{
    [BaseLogFact]
    public void UnmodifiedBaseLog_Passes() => LogEdit.Base().Check().Passes();

    [BaseLogFact]
    public void ExactlyOne_MissingKey_ReportsFoundZero() =>
        LogEdit.Base().Remove("train_samples").Check()
            .FailsWith("Required EXACTLY_ONE occurrence of 'train_samples' but found 0");

    [BaseLogFact]
    public void ExactlyOne_DuplicateWithEqualValue_IsOnlyAWarning()
    {
        var report = LogEdit.Base().Duplicate("global_batch_size").Check();
        report.Passes();
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("Required EXACTLY_ONE occurrence of 'global_batch_size' but found 2", warning.Message);
        Assert.Equal("training_4.0.0/closed_unet3d.yaml", warning.RuleFile);
        Assert.NotNull(warning.PhysicalLine);
    }

    [BaseLogFact]
    public void ExactlyOne_DuplicateWithNumericallyEqualValue_IsOnlyAWarning() =>
        Assert.Single(LogEdit.Base().Duplicate("global_batch_size", o => o["value"] = 56.0).Check().Warnings);

    [BaseLogFact]
    public void ExactlyOne_DuplicateWithDifferentValue_IsAnErrorListingTheValues() =>
        LogEdit.Base().Duplicate("global_batch_size", o => o["value"] = 64L).Check()
            .FailsWith("Required EXACTLY_ONE occurrence of 'global_batch_size' but found 2 with different values: [56, 64]");

    [BaseLogFact]
    public void ExactlyOne_DuplicateValuesArePrintedAsPythonStr() =>
        LogEdit.Base().Duplicate("opt_name", o => o["value"] = null).Duplicate("opt_name", o => o["value"] = new List<object?> { "a", 1L })
            .Check().FailsWith("Required EXACTLY_ONE occurrence of 'opt_name' but found 3 with different values: [nag, ['a', 1], None]");

    [BaseLogFact]
    public void AtLeastOne_MissingKey_ReportsFoundZero() =>
        LogEdit.Base().Remove("cache_clear").Check()
            .FailsWith("Required AT_LEAST_ONE occurrence of 'cache_clear' but found 0");

    [BaseLogFact]
    public void AtLeastOneOr_NeitherKeyPresent_ReportsBothNames() =>
        LogEdit.Base().Remove("block_start").Check()
            .FailsWith("Required AT_LEAST_ONE occurrence of 'block_start' or 'epoch_start'");

    [BaseLogFact]
    public void AtLeastOneOr_AlternativePresent_Passes() =>
        LogEdit.Base().Remove("block_start").Remove("block_stop")
            .InsertLine(70, LogEdit.Line(new() { ["namespace"] = "", ["time_ms"] = 1714043573900L, ["event_type"] = "INTERVAL_START", ["key"] = "epoch_start", ["value"] = null, ["metadata"] = new Harness.Json.JsonObject { ["epoch_num"] = 1L } }))
            .InsertLine(71, LogEdit.Line(new() { ["namespace"] = "", ["time_ms"] = 1714043573901L, ["event_type"] = "INTERVAL_END", ["key"] = "epoch_stop", ["value"] = null, ["metadata"] = new Harness.Json.JsonObject { ["epoch_num"] = 1L } }))
            .Check().Passes();

    [BaseLogFact]
    public void Optional_AbsentKeyIsFine_ButItsChecksStillRunWhenPresent()
    {
        var rules = TestRules.Variant("closed_unet3d.yaml", text => text + """

              - key: samples_per_epoch
                require: optional
                checks:
                  - value: { eq: 1 }
              - key: no_such_key
                require: optional
            """);
        var report = LogEdit.Base().Check(rules);
        report.FailsTest("samples_per_epoch", "v['value'] == 1");
    }
}
