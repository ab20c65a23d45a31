using System.Globalization;
using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The closed-division config check that runs before timing starts: a closed-division KiTS19 config's global batch
/// (batch_size × ranks × gradient_accumulation_steps) must have a unet3d RCP record in its ruleset's RCP file, and the
/// hyperparameters it logs must equal that record's <c>Hyperparams</c>. Without both, the RCP checker cannot pass the
/// result (it has no reference curve at that batch size, or one trained another way). Open-division configs and
/// configs on generated data (the embedded default) make no closed result and are not required to pass.
/// </summary>
public static class RcpConfigCheck
{
    /// <summary>Samples in one reference epoch (the 168 KiTS19 training cases): the 4.0.0 RCP file's unit for epoch counts.</summary>
    public const int ReferenceEpochSamples = 168;

    /// <summary>The hyperparameters compared, in the RCP files' order.</summary>
    public static IReadOnlyList<RcpHyperparameter> Hyperparameters { get; } =
    [
        new(MlLogKeys.OptBaseLearningRate, c => c.LearningRate),
        new(MlLogKeys.OptMomentum, c => c.Momentum),
        new(MlLogKeys.OptLearningRateWarmupEpochs, c => c.WarmupEpochs, InEpochs: true),
        new("opt_initial_learning_rate", c => c.InitLearningRate),
        new(MlLogKeys.OptLearningRateDecayBoundaryEpochs, c => c.LrDecayEpochs, InEpochs: true),
        new(MlLogKeys.OptLearningRateDecayFactor, c => c.LrDecayFactor),
        new(MlLogKeys.OptWeightDecay, c => c.WeightDecay),
    ];

    /// <summary>Checks <paramref name="config"/> as run by <paramref name="worldSize"/> ranks (default: its own rank count).</summary>
    /// <param name="rcpDirectory">The folder holding <c>training_&lt;ruleset&gt;/rcps_unet3d.json</c>; default: the shipped one.</param>
    public static RcpConfigVerdict Check(RunConfig config, int? worldSize = null, string? rcpDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        int ranks = worldSize ?? config.Ranks;
        if (config.Division != "closed")
            return new RcpConfigVerdict(false, true, $"division {config.Division}: no RCP needed");
        if (config.Dataset != "kits19")
            return new RcpConfigVerdict(false, true, $"dataset {config.Dataset}: not a closed-division result, no RCP needed");

        int gbs = config.GlobalBatchSizeAt(ranks);
        string batch = $"global batch {gbs} ({ranks} {(ranks == 1 ? "rank" : "ranks")} × batch {config.BatchSize} × {config.GradientAccumulationSteps} accumulation)";
        string path = RcpDataFile.PathFor(config.Ruleset, BenchmarkFacts.Unet3d, rcpDirectory);
        if (!File.Exists(path))
            return new RcpConfigVerdict(true, false, $"closed division: no unet3d RCP file for ruleset {config.Ruleset} ({path})");
        IReadOnlyList<RcpRawRecord> records;
        try
        {
            records = [.. RcpDataFile.Load(path).Where(r => r.Benchmark == BenchmarkFacts.Unet3d).OrderBy(r => r.BatchSize)];
        }
        catch (InvalidDataException e)
        {
            return new RcpConfigVerdict(true, false, "closed division: " + e.Message);
        }
        var record = records.FirstOrDefault(r => r.BatchSize == gbs);
        if (record is null)
        {
            string sizes = string.Join(", ", records.Select(r => RcpTable.FormatBatchSize(r.BatchSize)).Distinct());
            return new RcpConfigVerdict(true, false,
                $"closed division: {batch} has no unet3d RCP in ruleset {config.Ruleset} (RCP batch sizes: {sizes})");
        }
        var differences = new List<string>();
        foreach (var hyperparameter in Hyperparameters)
        {
            if (!record.Hyperparameters.TryGetValue(hyperparameter.Key, out object? expected)) continue;
            object actual = hyperparameter.ConfigValue(config);
            if (!Matches(actual, expected, hyperparameter.InEpochs))
                differences.Add($"{hyperparameter.Key} {Show(actual)} (RCP {Show(expected)}{InSamplesNote(expected, hyperparameter.InEpochs)})");
        }
        if (differences.Count > 0)
            return new RcpConfigVerdict(true, false,
                $"closed division: {batch} has RCP {record.Name} in ruleset {config.Ruleset}, but the config differs from its hyperparameters: {string.Join(", ", differences)}",
                record.Name);
        return new RcpConfigVerdict(true, true, $"{batch} has RCP {record.Name} in ruleset {config.Ruleset}; hyperparameters match", record.Name);
    }

    private static bool Matches(object actual, object? expected, bool inEpochs)
    {
        double[] have = Numbers(actual);
        double[]? want = expected is null ? null : Numbers(expected);
        if (want is null || have.Length != want.Length) return false;
        return have.SequenceEqual(want) || (inEpochs && have.Select(v => v * ReferenceEpochSamples).SequenceEqual(want));
    }

    private static double[] Numbers(object value) => value switch
    {
        int i => [i],
        long l => [l],
        double d => [d],
        int[] list => [.. list.Select(v => (double)v)],
        List<object?> list => list.Select(v => RcpDataFile.ToDouble(v) ?? double.NaN).ToArray(),
        _ => [double.NaN],
    };

    /// <summary>" = 1000 epochs × 168 samples" after an epoch count the file gives in samples, so the two units can be told apart.</summary>
    private static string InSamplesNote(object? expected, bool inEpochs)
    {
        if (!inEpochs || expected is null) return "";
        double[] values = Numbers(expected);
        if (values.Length == 0 || values.Any(v => v == 0 || v % ReferenceEpochSamples != 0)) return "";
        return $" = {Show(values.Select(v => (long)(v / ReferenceEpochSamples)).ToArray())} epochs × {ReferenceEpochSamples} samples";
    }

    private static string Show(object? value) => value switch
    {
        double d => PythonFloat.Format(d),
        int[] list => "[" + string.Join(", ", list.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
        long[] list => list.Length == 1 ? list[0].ToString(CultureInfo.InvariantCulture) : "[" + string.Join(", ", list.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
        List<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
