using System.Globalization;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// The training loss became NaN or infinite (fp32 and bf16; fp16 skips such steps as GradScaler does). The run ends:
/// the benchmark closes its log with run_stop aborted, the CLI prints this one line and exits 1.
/// </summary>
public sealed class NonFiniteLossException(float loss, int epoch, int iteration) : Exception(string.Create(CultureInfo.InvariantCulture,
    $"non-finite training loss {loss} at epoch {epoch}, iteration {iteration}: the run stopped and its log was closed with run_stop aborted (if the hyperparameters are sound, run 'mlperf doctor' to check this machine's arithmetic)"))
{
    public float Loss { get; } = loss;

    public int Epoch { get; } = epoch;

    public int Iteration { get; } = iteration;
}
