namespace MLPerfDotnet.Compliance.Package;

/// <summary>Per-ruleset benchmark folder names and result-file counts (upstream <c>benchmark_meta.py</c>).</summary>
public static class BenchmarkMeta
{
    public static IReadOnlySet<string> AllowedBenchmarks(string ruleset) => ruleset switch
    {
        "1.0.0" or "1.1.0" or "2.0.0" or "2.1.0" => new HashSet<string>(StringComparer.Ordinal) { "bert", "dlrm", "maskrcnn", "minigo", "resnet", "ssd", "rnnt", "unet3d" },
        "3.0.0" => new HashSet<string>(StringComparer.Ordinal) { "bert", "dlrm_dcnv2", "gpt3", "maskrcnn", "resnet", "ssd", "rnnt", "unet3d" },
        "3.1.0" => new HashSet<string>(StringComparer.Ordinal) { "bert", "dlrm_dcnv2", "gpt3", "maskrcnn", "resnet", "ssd", "rnnt", "unet3d", "stable_diffusion" },
        _ => new HashSet<string>(StringComparer.Ordinal) { "bert", "dlrm_dcnv2", "gpt3", "resnet", "ssd", "unet3d", "stable_diffusion", "llama2_70b_lora", "gnn" },
    };

    public static int ResultFileCount(string benchmark) => benchmark switch
    {
        "unet3d" => 40,
        "minigo" => 10,
        "bert" or "dlrm_dcnv2" or "rnnt" or "stable_diffusion" or "gnn" or "llama2_70b_lora" => 10,
        "gpt3" => 3,
        _ => 5,
    };

    /// <summary>Non-compliant files tolerated under olympic scoring: 4 for unet3d, else 1.</summary>
    public static int ToleratedFailures(string benchmark) => benchmark == "unet3d" ? 4 : 1;
}
