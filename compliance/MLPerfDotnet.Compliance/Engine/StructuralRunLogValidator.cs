using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// A structural check of a result file, not the full rule set: every <c>:::MLLOG</c> line parses with its four
/// fields; <c>run_start</c> and <c>run_stop</c> are present, run_stop with <c>metadata.status</c>; every
/// <c>eval_accuracy</c> has a numeric value and a numeric <c>metadata.epoch_num</c>; at least one eval reaches
/// <see cref="Target"/>. Line numbers are physical, 1-based.
/// </summary>
public sealed class StructuralRunLogValidator : IRunLogValidator
{
    /// <summary>The closed-division unet3d target of the newest edition (0.908 mean DICE, rules/training_X/benchmarks.yaml).</summary>
    public static StructuralRunLogValidator Unet3dClosed { get; } = new(Rules.BenchmarkFactsFile.For("4.0.0", Rules.BenchmarkFacts.Unet3d).Target!.Value);

    public StructuralRunLogValidator(double target) => Target = target;

    public double Target { get; }

    public RunLogValidation Validate(string resultFile)
    {
        var errors = new List<string>();
        bool runStart = false, runStop = false, reached = false, anyEval = false;
        try
        {
            foreach (var line in MlLogReader.ReadFile(resultFile))
            {
                int lineNumber = line.PhysicalLine;
                if (!line.TryParseStrict(out var e, out string? error))
                {
                    errors.Add($"{resultFile}:{lineNumber}: MLLOG line does not parse: {error}");
                    continue;
                }
                switch (e!.Key)
                {
                    case MlLogKeys.RunStart: runStart = true; break;
                    case MlLogKeys.RunStop:
                        runStop = true;
                        if (!e.Metadata.ContainsKey(MlLogKeys.Status)) errors.Add($"{resultFile}:{lineNumber}: run_stop has no metadata.status");
                        break;
                    case MlLogKeys.EvalAccuracy:
                        anyEval = true;
                        if (e.Metadata[MlLogKeys.EpochNum] is not (long or double)) errors.Add($"{resultFile}:{lineNumber}: eval_accuracy has no numeric metadata.epoch_num");
                        if (e.Value is long or double) reached |= Convert.ToDouble(e.Value, System.Globalization.CultureInfo.InvariantCulture) >= Target;
                        else errors.Add($"{resultFile}:{lineNumber}: eval_accuracy value is not a number ({PythonJson.Serialize(e.Value)})");
                        break;
                }
            }
        }
        catch (IOException ex)
        {
            errors.Add($"{resultFile}: cannot be read: {ex.Message}");
        }
        if (!runStart) errors.Add($"{resultFile}: no run_start");
        if (!runStop) errors.Add($"{resultFile}: no run_stop");
        if (!anyEval) errors.Add($"{resultFile}: no eval_accuracy");
        else if (!reached) errors.Add($"{resultFile}: no eval_accuracy reaches {Target.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return new RunLogValidation(resultFile, errors.Count == 0, errors);
    }
}
