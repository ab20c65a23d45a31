using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>
/// The structural validator on the broken logs. It agrees with upstream's compliance verdict on the listed files;
/// the others need the full rule engine (ordering, values, required keys) and are not claimed here.
/// </summary>
public class StructuralRunLogValidatorTests
{
    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [InlineData("aborted_but_converged", true)]
    [InlineData("bom_and_non_ascii", true)]
    [InlineData("cr_only_line_endings", true)]
    [InlineData("crlf_line_endings", true)]
    [InlineData("garbage_lines_interleaved", true)]
    [InlineData("global_batch_size_64", true)]
    [InlineData("time_ms_as_string", true)]
    [InlineData("duplicate_run_stop", true)]
    [InlineData("open_division", true)]
    [InlineData("accuracy_below_target", false)]
    [InlineData("never_converges_aborted", false)]
    [InlineData("missing_run_stop", false)]
    [InlineData("malformed_json_line", false)]
    [InlineData("truncated_last_line", false)]
    [InlineData("empty_file", false)]
    [InlineData("eval_accuracy_missing_epoch_num", false)]
    [InlineData("eval_accuracy_samples_count_only", false)]
    [InlineData("run_stop_missing_status", false)]
    public void AgreesWithUpstream(string name, bool valid)
    {
        var expected = (JsonObject)((JsonObject)MutationsExpected["mutations"]!)[name]!;
        Assert.Equal(valid, (bool)expected["pass"]!);
        var result = StructuralRunLogValidator.Unet3dClosed.Validate(Path.Combine(Root, "mutations", name + ".txt"));
        Assert.Equal(valid, result.Valid);
        Assert.All(result.Errors, e => Assert.Contains(name + ".txt", e, StringComparison.Ordinal));
    }

    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [InlineData("eval_accuracy_null_value", "eval_accuracy value is not a number (null)")]
    [InlineData("missing_time_ms_field", "missing field 'time_ms'")]
    public void UpstreamCrash_IsAnInvalidVerdictWithTheReason(string name, string reason)
    {
        var result = StructuralRunLogValidator.Unet3dClosed.Validate(Path.Combine(Root, "mutations", name + ".txt"));
        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Contains(reason, StringComparison.Ordinal));
    }
}
