using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.SystemDescription;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.SystemDescription;

public class SystemDescriptionCheckerTests
{
    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void RealSystem_HeadVerdictLine_MatchesExpected(string key)
    {
        var s = MlperfLogData.System(key);
        var result = SystemDescriptionChecker.Check(Path.Combine(Root, (string)s["system_json"]!), (string)s["ruleset"]!);
        string expected = (string)Get(s, "system_desc_checker", "line")!;
        Assert.Equal(expected[(expected.IndexOf(" - ", StringComparison.Ordinal) + 3)..].Trim(), result.Line);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void NvidiaV40Onprem_FailsAtHead_PassesWithRoundEraCode()
    {
        string json = Path.Combine(Root, "v4.0/NVIDIA/systems/eos_ngc24.04_mxnet.json");
        Assert.False(SystemDescriptionChecker.Check(json, "4.0.0").Valid);
        Assert.True(SystemDescriptionChecker.Check(json, "4.0.0", SystemDescriptionEra.RoundEra).Valid);
    }

    private static JsonObject Complete(string status)
    {
        var obj = new JsonObject();
        foreach (string field in SystemDescriptionChecker.RequiredFields) obj[field] = "";
        obj["status"] = status;
        obj["system_name"] = "S";
        return obj;
    }

    [Theory]
    [InlineData("Available cloud", "4.0.0", SystemDescriptionEra.Head, true)]
    [InlineData("cloud", "4.0.0", SystemDescriptionEra.Head, false)]
    [InlineData("Cloud", "4.0.0", SystemDescriptionEra.RoundEra, true)]
    [InlineData("on the moon", "4.0.0", SystemDescriptionEra.RoundEra, false)]
    [InlineData("on the moon", "3.1.0", SystemDescriptionEra.Head, true)]
    [InlineData("on the moon", "3.1.0", SystemDescriptionEra.RoundEra, true)]
    [InlineData("preview", "4.0.0", SystemDescriptionEra.Head, false)]
    [InlineData("Preview", "4.0.0", SystemDescriptionEra.Head, true)]
    public void Status_VocabularyDependsOnRulesetAndEra(string status, string ruleset, SystemDescriptionEra era, bool valid) =>
        Assert.Equal(valid, SystemDescriptionChecker.Check("x.json", Complete(status), ruleset, era).Valid);

    [Fact]
    public void MissingField_IsNamed()
    {
        var obj = Complete("Preview");
        obj.Remove("cooling");
        var result = SystemDescriptionChecker.Check("x.json", obj, "4.0.0", SystemDescriptionEra.Head);
        Assert.False(result.Valid);
        Assert.Equal("System description checker failed for S : ['Missing field cooling']", result.Line);
    }

    [Fact]
    public void InvalidStatus_ReplacesUpstreamReasons_ButProblemsKeepEveryFieldAsAFinding()
    {
        var obj = Complete("onprem");
        obj.Remove("cooling");
        var result = SystemDescriptionChecker.Check("x.json", obj, "4.0.0", SystemDescriptionEra.Head);
        Assert.Single(result.Reasons);
        Assert.StartsWith("Field status contains a non valid value: onprem", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p is { Message: "Missing field cooling", Key: "cooling", Severity: Severity.Error, Kind: FindingKind.SystemDescription });
    }

    [Fact]
    public void UnreadableFile_GivesAnInvalidVerdictNamingIt()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "bad.json");
        File.WriteAllText(path, "{ not json");
        var result = SystemDescriptionChecker.Check(path, "4.0.0");
        Assert.False(result.Valid);
        Assert.Contains(path, result.Reasons[0], StringComparison.Ordinal);
    }
}
