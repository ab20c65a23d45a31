using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>
/// The reduced embedded config of the CI flow as a system "ci-tiny" in a systems folder: filters [4, 8], 16³ patches,
/// a small generated data set, open division (it cannot reach 0.908), with its system description.
/// </summary>
public static class TinySystem
{
    public const string Name = "ci-tiny";

    public static void Write(string systemsDir, string dataDir, int maxEpochs, double qualityThreshold)
    {
        File.WriteAllText(Path.Combine(systemsDir, Name + ".json"), File.ReadAllText(Path.Combine(SharedData.RepoRoot, "systems", "cpu-embedded.json"))
            .Replace("\"division\": \"closed\"", "\"division\": \"open\"", StringComparison.Ordinal)
            .Replace("\"system_name\": \"cpu-embedded\"", "\"system_name\": \"ci-tiny\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(systemsDir, Name + ".config.json"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""
            {
              "batch_size": 2, "learning_rate": 0.4, "warmup_epochs": 1, "max_epochs": {{maxEpochs}},
              "start_eval_at": 1, "evaluate_every": 1, "quality_threshold": {{qualityThreshold}},
              "input_shape": [16, 16, 16], "val_input_shape": [16, 16, 16], "filters": [4, 8],
              "dataset": "synthetic", "synthetic_size": 24, "data_dir": "{{dataDir}}",
              "eval_batch_size": 8, "loader_workers": 1, "torch_threads": 1,
              "division": "open", "platform": "ci-tiny", "org": "MLPerfDotnet"
            }
            """));
    }
}
