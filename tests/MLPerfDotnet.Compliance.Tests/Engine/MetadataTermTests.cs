using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>metadata: has / has_any_of, when_metadata_has, metadata_value, on edits of a real log.</summary>
public class MetadataTermTests
{
    [BaseLogFact]
    public void Has_MissingStatus_Fails() =>
        LogEdit.Base().RemoveMetadata("run_stop", "status").Check().FailsTest("run_stop", "'status' in v['metadata']");

    [BaseLogFact]
    public void Has_EpochNumRenamedToSamplesCount_FailsForUnet3d()
    {
        var error = LogEdit.Base().EditAll("eval_accuracy", o =>
        {
            var m = (Harness.Json.JsonObject)o["metadata"]!;
            m["samples_count"] = m["epoch_num"];
            m.Remove("epoch_num");
        }).Check().FailsTest("eval_accuracy", "'epoch_num' in v['metadata']");
        Assert.Equal(557, error.MllogIndex); // the last failing line's message wins
    }

    [BaseLogFact]
    public void HasAnyOf_NeitherField_Fails() =>
        LogEdit.Base().RemoveMetadata("eval_start", "epoch_num").Check()
            .FailsTest("eval_start", "('epoch_num' in v['metadata']) | ('samples_count' in v['metadata'])");

    [BaseLogFact]
    public void HasAnyOf_In310_StepNumIsTheAlternative() =>
        LogEdit.Base().RemoveMetadata("eval_start", "epoch_num").SetMetadata("eval_start", "step_num", 5L).Check("3.1.0").Passes();

    [BaseLogFact]
    public void WhenMetadataHas_EpochCountWithoutFirstEpochNum_Fails() =>
        LogEdit.Base().RemoveMetadata("block_start", "first_epoch_num").Check()
            .FailsTest("block_start", "'first_epoch_num' in v['metadata'] if 'epoch_count' in v['metadata'] else True");

    [BaseLogFact]
    public void WhenMetadataHas_ConditionAbsent_CheckIsSkipped() =>
        LogEdit.Base().RemoveMetadata("block_start", "epoch_count").SetMetadata("block_start", "samples_count", 0L)
            .RemoveMetadata("block_start", "first_epoch_num").Check().Passes();

    [BaseLogFact]
    public void MetadataValue_EpochCountZero_Fails() =>
        LogEdit.Base().SetMetadata("block_start", "epoch_count", 0L).Check()
            .FailsTest("block_start", "v['metadata']['epoch_count'] > 0 if 'epoch_count' in v['metadata'] else True");

    [BaseLogFact]
    public void MetadataValue_NegativeSamplesCount_Fails() =>
        LogEdit.Base().SetMetadata("block_start", "samples_count", -1L).Check()
            .FailsTest("block_start", "v['metadata']['samples_count'] >= 0 if 'samples_count' in v['metadata'] else True");

    [BaseLogFact]
    public void MetadataValue_MissingFieldIn300_RaisesKeyErrorLikeUpstream() =>
        LogEdit.Base().RemoveMetadata("block_start", "epoch_count").Check("3.0.0")
            .RaisesIn("block_start", "v['metadata']['epoch_count'] > 0");

    [BaseLogFact]
    public void Metadata_NotADict_RaisesLikeUpstream() =>
        LogEdit.Base().Edit("run_stop", o => o["metadata"] = null).Check()
            .RaisesIn("run_stop", "'status' in v['metadata']");

    [BaseLogFact]
    public void Metadata_AListHoldingTheName_CountsAsPresentLikePython() =>
        LogEdit.Base().Edit("run_stop", o => o["metadata"] = new List<object?> { "status" }).Check().Passes();
}
