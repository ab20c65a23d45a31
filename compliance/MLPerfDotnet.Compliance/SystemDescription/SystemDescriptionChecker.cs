using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.SystemDescription;

/// <summary>
/// Checks a system description JSON (mlperf-logging.md §5): the 33 required fields are present, and the status
/// is valid for the ruleset and era. A file that cannot be read or parsed gives an invalid result naming it.
/// </summary>
public static class SystemDescriptionChecker
{
    public static IReadOnlyList<string> RequiredFields { get; } =
    [
        "submitter", "division", "status", "system_name", "number_of_nodes",
        "host_processors_per_node", "host_processor_model_name", "host_processor_core_count", "host_processor_vcpu_count",
        "host_processor_frequency", "host_processor_caches", "host_processor_interconnect",
        "host_memory_capacity", "host_storage_type", "host_storage_capacity", "host_networking", "host_networking_topology",
        "host_memory_configuration",
        "accelerators_per_node", "accelerator_model_name", "accelerator_host_interconnect", "accelerator_frequency",
        "accelerator_on-chip_memories", "accelerator_memory_configuration", "accelerator_memory_capacity",
        "accelerator_interconnect", "accelerator_interconnect_topology",
        "cooling", "hw_notes", "framework", "other_software_stack", "operating_system", "sw_notes",
    ];

    /// <summary>The exact values HEAD accepts for rulesets ≥ 4.0.0 (upstream's list, in its order).</summary>
    public static IReadOnlyList<string> HeadStatuses { get; } =
        ["Available on-premise", "Available cloud", "Research, Development, or Internal (RDI)", "Preview"];

    /// <summary>The aliases the 4.0-round code accepts (the value or its lower case must be one of them).</summary>
    public static IReadOnlyList<string> RoundEraStatuses { get; } =
    [
        "Available on-premise", "available on-premise", "onprem", "available", "Available onprem", "available onprem",
        "Available cloud", "available cloud", "cloud",
        "Research, Development, or Internal (RDI)", "research, development, or internal (rdi)", "rdi", "research",
        "development", "internal", "preview",
    ];

    public static SystemDescriptionResult Check(string path, string ruleset, SystemDescriptionEra era = SystemDescriptionEra.Head)
    {
        JsonObject contents;
        try
        {
            contents = PythonJson.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new JsonParseException("the top level is not a JSON object", 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonParseException)
        {
            string reason = $"{path}: cannot read the system description: {e.Message}";
            return new SystemDescriptionResult(path, false, "", [Finding.Of(Severity.Error, FindingKind.SystemDescription, reason)]);
        }
        return Check(path, contents, ruleset, era);
    }

    public static SystemDescriptionResult Check(string path, JsonObject contents, string ruleset, SystemDescriptionEra era)
    {
        var problems = RequiredFields.Where(f => !contents.ContainsKey(f))
            .Select(f => Finding.Of(Severity.Error, FindingKind.SystemDescription, $"Missing field {f}", f)).ToList();
        string systemName = contents["system_name"] as string ?? "";
        if (contents.TryGetValue(SystemDescriptionResult.StatusField, out object? statusValue) && StatusProblem(statusValue, ruleset, era) is string problem)
            problems.Add(Finding.Of(Severity.Error, FindingKind.SystemDescription, problem, SystemDescriptionResult.StatusField));
        return new SystemDescriptionResult(path, problems.Count == 0, systemName, problems);
    }

    private static string? StatusProblem(object? value, string ruleset, SystemDescriptionEra era)
    {
        string status = value as string ?? PythonJson.Serialize(value);
        IReadOnlyList<string>? options = era switch
        {
            SystemDescriptionEra.Head when Major(ruleset) >= 4 => HeadStatuses,
            SystemDescriptionEra.RoundEra when ruleset == "4.0.0" => RoundEraStatuses,
            _ => null,
        };
        if (options is null) return null;
        bool ok = options.Contains(status) || (era == SystemDescriptionEra.RoundEra && options.Contains(status.ToLowerInvariant()));
        return ok ? null : $"Field status contains a non valid value: {status}, must be one of {PythonRepr.List(options)}";
    }

    private static int Major(string ruleset) =>
        int.TryParse(ruleset.Split('.')[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int major) ? major : 0;
}
