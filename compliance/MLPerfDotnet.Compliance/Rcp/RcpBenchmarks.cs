namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>Per-benchmark constants of the RCP checker (upstream <c>submission_runs</c> and the olympic trim).</summary>
public static class RcpBenchmarks
{
    public const string Unet3d = "unet3d";

    /// <summary>Runs a submission must provide (references need twice as many).</summary>
    public static int SubmissionRuns(string benchmark) => benchmark switch
    {
        "unet3d" => 40,
        "bert" or "dlrm_dcnv2" or "rnnt" or "stable_diffusion" or "gnn" or "llama2_70b_lora" => 10,
        "gpt3" => 3,
        _ => 5,
    };

    /// <summary>Runs dropped at each end of the sorted list: 4 for unet3d, else 1.</summary>
    public static int SamplesRejected(string benchmark) => benchmark == Unet3d ? 4 : 1;

    /// <summary>Non-converged runs tolerated: 4 for unet3d, else 1.</summary>
    public static int MaxNotConverged(string benchmark) => benchmark == Unet3d ? 4 : 1;
}
