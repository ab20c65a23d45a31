using System.Text.Json;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The MLPerf system description of every system has the 33 fields the system_desc_checker requires.</summary>
public sealed class SystemDescriptionTests
{
    private static readonly string[] Required =
    [
        "submitter", "division", "status", "system_name", "number_of_nodes", "host_processors_per_node",
        "host_processor_model_name", "host_processor_core_count", "host_processor_vcpu_count", "host_processor_frequency",
        "host_processor_caches", "host_processor_interconnect", "host_memory_capacity", "host_storage_type",
        "host_storage_capacity", "host_networking", "host_networking_topology", "host_memory_configuration",
        "accelerators_per_node", "accelerator_model_name", "accelerator_host_interconnect", "accelerator_frequency",
        "accelerator_on-chip_memories", "accelerator_memory_configuration", "accelerator_memory_capacity",
        "accelerator_interconnect", "accelerator_interconnect_topology", "cooling", "hw_notes", "framework",
        "other_software_stack", "operating_system", "sw_notes",
    ];

    [Theory]
    [InlineData("4GPU40GB", 4)]
    [InlineData("8GPU40GB", 8)]
    [InlineData("4GPU80GB", 4)]
    [InlineData("8GPU80GB", 8)]
    public void Description_HasAll33Fields_AndTheAcceleratorCount(string system, int gpus)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "systems", system + ".json")));
        var root = doc.RootElement;
        Assert.Equal(33, Required.Length);
        Assert.DoesNotContain(Required, f => !root.TryGetProperty(f, out _));
        Assert.Equal(system, root.GetProperty("system_name").GetString());
        Assert.Equal(gpus.ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("accelerators_per_node").GetString());
        Assert.True(int.TryParse(root.GetProperty("number_of_nodes").GetString(), out _));
        Assert.Equal("Research, Development, or Internal (RDI)", root.GetProperty("status").GetString());
    }
}
