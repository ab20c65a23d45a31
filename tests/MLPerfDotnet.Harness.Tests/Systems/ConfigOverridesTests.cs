using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Systems;

public sealed class ConfigOverridesTests
{
    private static readonly string Systems = Path.Combine(SharedData.RepoRoot, "systems");

    [Fact]
    public void SetReplacesStringsNumbersBooleansAndArrays()
    {
        var config = SystemConfigLoader.LoadConfig(Systems, "cpu-embedded",
            ["device=cuda", "precision=bf16", "max_epochs=8", "cudnn_benchmark=false", "filters=[8, 16]", "data_dir=/tmp/x"]);

        Assert.Equal(("cuda", "bf16", 8, false, "/tmp/x"), (config.Device, config.Precision, config.MaxEpochs, config.CudnnBenchmark, config.DataDir));
        Assert.Equal([8, 16], config.Filters);
    }

    [Fact]
    public void FieldsNotSetKeepTheFilesValues()
    {
        var plain = SystemConfigLoader.LoadConfig(Systems, "cpu-embedded");
        var set = SystemConfigLoader.LoadConfig(Systems, "cpu-embedded", ["precision=bf16"]);
        string Json(RunConfig c) => System.Text.Json.JsonSerializer.Serialize(c, SystemConfigLoader.JsonOptions);
        Assert.Equal(Json(plain with { Precision = "bf16" }), Json(set));
        Assert.NotEqual(Json(plain), Json(set));
    }

    [Theory]
    [InlineData("bogus_key=1", "'bogus_key'")]
    [InlineData("precision=fp8", "precision: must be fp32, bf16 or fp16")]
    [InlineData("max_epochs=many", "$.max_epochs")]
    [InlineData("no-equals-sign", "--set no-equals-sign: expected KEY=VALUE")]
    public void BadOverridesAreErrorsNamingTheFileAndTheSetting(string assignment, string expected)
    {
        var e = Assert.Throws<SystemConfigException>(() => SystemConfigLoader.LoadConfig(Systems, "cpu-embedded", [assignment]));
        Assert.Contains("cpu-embedded.config.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
