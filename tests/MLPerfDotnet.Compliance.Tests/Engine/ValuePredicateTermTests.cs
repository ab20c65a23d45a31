using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>value: eq / ne_empty / gte / gt / lt / in, with Python's semantics, on edits of a real log.</summary>
public class ValuePredicateTermTests
{
    [BaseLogFact]
    public void Eq_WrongNumber_FailsWithUpstreamMessage()
    {
        var error = LogEdit.Base().SetValue("train_samples", 167L).Check().FailsTest("train_samples", " v['value'] == 168");
        Assert.Equal("CHECK for 'train_samples' failed in line 71:", error.FirstLine);
        Assert.Equal(74, error.PhysicalLine);
        Assert.Equal(71, error.MllogIndex);
        Assert.Equal("training_4.0.0/closed_unet3d.yaml", error.RuleFile);
        Assert.EndsWith("current context[s]={}\ncurrent line[v]={\n  \"metadata\": {\n    \"file\": \"/workspace/unet3d/data_loading/data_loader.py\",\n    \"lineno\": 94\n  },\n  \"value\": 167\n}", error.Message, StringComparison.Ordinal);
    }

    [BaseLogFact]
    public void Eq_NumberAsString_Fails() =>
        LogEdit.Base().SetValue("train_samples", "168").Check().FailsTest("train_samples", " v['value'] == 168");

    [BaseLogFact]
    public void Eq_SameNumberAsFloat_Passes() => LogEdit.Base().SetValue("train_samples", 168.0).Check().Passes();

    [BaseLogFact]
    public void NeEmpty_EmptyString_Fails() =>
        LogEdit.Base().SetValue("submission_org", "").Check().FailsTest("submission_org", " v['value'] != '' ");

    [BaseLogFact]
    public void NeEmpty_NonString_Passes() => LogEdit.Base().SetValue("submission_platform", 0L).Check().Passes();

    [BaseLogFact]
    public void Gte_BelowBound_Fails() =>
        LogEdit.Base().SetValue("opt_learning_rate_warmup_epochs", -1L).Check()
            .FailsTest("opt_learning_rate_warmup_epochs", " v['value'] >= 0");

    [BaseLogFact]
    public void Gte_OnAString_RaisesLikePython() =>
        LogEdit.Base().SetValue("opt_learning_rate_warmup_epochs", "1000").Check()
            .RaisesIn("opt_learning_rate_warmup_epochs", " v['value'] >= 0");

    [BaseLogFact]
    public void Gt_Zero_Fails() =>
        LogEdit.Base().SetValue("gradient_accumulation_steps", 0L).Check()
            .FailsTest("gradient_accumulation_steps", " v['value'] > 0 ");

    [BaseLogFact]
    public void Gt_TrueCountsAsOne_Passes() => LogEdit.Base().SetValue("gradient_accumulation_steps", true).Check().Passes();

    [BaseLogFact]
    public void Lt_OpenDivisionAccuracyNeverBelowOne_FailsAnyLineCheck() =>
        LogEdit.Base().SetValue("submission_division", "open").EditAll("eval_accuracy", o => o["value"] = 1.0).Check()
            .FailsWith("Failed checks for eval_accuracy : v['value'] < 1.0");

    [BaseLogFact]
    public void In_ValueNotListed_Fails() =>
        LogEdit.Base().SetValue("submission_status", "available").Check()
            .FailsTest("submission_status", " v['value'] in ['cloud', 'onprem', 'preview', 'research'] ");

    [BaseLogFact]
    public void In_BenchmarkNotListed_FailsAndItsRuleFileIsNotFound() =>
        LogEdit.Base().SetValue("submission_benchmark", "unet3d_v2").Check()
            .FailsWith("CHECK for 'submission_benchmark' failed in line 2:", "Could not find config file: training_4.0.0/closed_unet3d_v2.yaml");

    [BaseLogFact]
    public void In_Llama2IsClosedIn400ButNotOpen() =>
        Assert.Contains("CHECK for 'submission_benchmark' failed in line 2:",
            LogEdit.Base().SetValue("submission_division", "open").SetValue("submission_benchmark", "llama2_70b_lora").Check().ErrorLines());

    [BaseLogFact]
    public void AnyLine_AccuracyNeverReachesTarget_Fails() =>
        LogEdit.Base().EditAll("eval_accuracy", o => o["value"] = 0.9079).Check()
            .FailsWith("Failed checks for eval_accuracy :  v['value'] >= 0.908");

    [BaseLogFact]
    public void AnyLine_NullAccuracy_FailsWhereUpstreamCrashes()
    {
        var report = LogEdit.Base().Edit("eval_accuracy", o => o["value"] = null, occurrence: -1).Check();
        Assert.False(report.Pass);
        Assert.Equal(
            ["ATLEAST_ONE_CHECK for 'eval_accuracy' could not be evaluated in line 557: TypeError: '>=' not supported between instances of 'NoneType' and 'float' (the upstream checker stops with this exception)",
             "Failed checks for eval_accuracy :  v['value'] >= 0.908"],
            report.ErrorLines());
        Assert.Equal(560, report.Errors[0].PhysicalLine);
    }
}
