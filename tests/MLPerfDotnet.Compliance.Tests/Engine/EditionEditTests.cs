using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>
/// What differs between editions 1.0.0-2.1.0, on edited real logs, against upstream's own messages: the
/// weights_initialization tensor list (missing, duplicated, no tensor field, a number), the init budget fixed at
/// 30 minutes in 1.0.0/1.1.0 against the division-set one from 2.0.0 on, and a v1.0 log under the later editions.
/// </summary>
public class EditionEditTests
{
    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(EditionEdits.All), MemberType = typeof(EditionEdits))]
    public void EditedLog_GetsUpstreamMessages(string name, string ruleset)
    {
        var expected = EditionEdits.Verdict(name, ruleset);
        var report = ComplianceChecker.Check(EditionEdits.Lines(name), ruleset);
        Assert.Equal((bool)expected["pass"]!, report.Pass);
        Assert.Equal(Expected.Strings(expected["errors"]), report.Errors.Select(f => f.Message));
        Assert.Equal(Expected.Strings(expected["warnings"]), report.Warnings.Select(f => f.Message));
    }

    [SharedDataFact("data", "mlperf-logs-historic", "expected.json")]
    public void TensorListFailure_IsUnkeyed_AndComesAfterTheKeyedErrors()
    {
        var report = ComplianceChecker.Check(EditionEdits.Lines("v10_as_is"), "2.1.0");
        Assert.Equal(["weights_initialization", null], report.Errors.Select(f => f.Key));
        Assert.Equal("training_2.1.0/closed_unet3d.yaml", report.Errors[1].RuleFile);
    }
}
