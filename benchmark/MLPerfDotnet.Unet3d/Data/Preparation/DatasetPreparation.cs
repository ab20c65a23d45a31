using System.Text.Json;
using MLPerfDotnet.Harness.Files;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Data.Preprocessing;
using MLPerfDotnet.Unet3d.Data.Synthesis;

namespace MLPerfDotnet.Unet3d.Data.Preparation;

/// <summary>
/// The embedded cases are acquired at the target spacing, so the (real) preprocessing does not move labels against
/// images and a small U-Net can reach the 0.908 target in minutes on a CPU.
/// Makes sure a system's preprocessed data set exists before a timed run (untimed, like the reference's separate
/// preprocessing step). A synthetic data set is generated once, deterministically: raw NIfTI cases
/// (<c>&lt;data_dir&gt;-raw</c>), then the real preprocessing with the minimum shape set to the run's patch, then its
/// md5 list (<c>checksums.json</c>), which later preparations verify. A kits19 data set must already be there.
/// </summary>
public static class DatasetPreparation
{
    public const string ChecksumFile = "checksums.json";

    /// <summary>Seed of the embedded synthetic data set: every machine generates the same cases.</summary>
    public const long SyntheticSeed = 19;


    public static void Ensure(RunConfig config, Action<string> log)
    {
        string dataDir = Path.GetFullPath(config.DataDir);
        if (config.Dataset == "kits19")
        {
            int pairs = Directory.Exists(dataDir) ? Directory.GetFiles(dataDir, "case_*_y.npy").Length : 0;
            if (pairs == 0)
                throw new DirectoryNotFoundException($"{dataDir}: no preprocessed KiTS19 cases; run `mlperf dataset download --to RAW`, " +
                    "`mlperf dataset preprocess --raw RAW --out DATA` and `mlperf dataset verify --data DATA` first");
            log($"{dataDir}: {pairs} preprocessed cases");
            return;
        }
        string checksumPath = Path.Combine(dataDir, ChecksumFile);
        if (File.Exists(checksumPath))
        {
            var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(checksumPath))
                ?? throw new InvalidDataException($"{checksumPath}: empty checksum list");
            var summary = ChecksumVerifier.Verify(dataDir, expected, log: log);
            if (summary.Passed(allowMissing: false))
            {
                log($"{dataDir}: {summary.Matched} files verified against {ChecksumFile}");
                return;
            }
            throw new InvalidDataException($"{dataDir}: the synthetic data set does not match its {ChecksumFile} " +
                $"({summary.Mismatched.Count} changed, {summary.Missing.Count} missing); delete the folder to regenerate it");
        }

        string rawDir = dataDir.TrimEnd('/') + "-raw";
        log($"Generating the synthetic KiTS-like data set (seed {SyntheticSeed}, size {config.SyntheticSize}) in {rawDir}");
        SyntheticDataset.Write(rawDir, new SynthesisOptions { Seed = SyntheticSeed, Size = config.SyntheticSize, AtTargetSpacing = true });
        int[] minShape = [.. Enumerable.Range(0, 3).Select(a => Math.Max(config.InputShape[a], config.ValInputShape[a]))];
        log($"Preprocessing into {dataDir} (minimum shape {string.Join("x", minShape)})");
        var result = DatasetPreprocessor.Run(rawDir, dataDir, new PreprocessOptions { MinShape = minShape }, log);
        if (result.Failures.Count > 0)
            throw new InvalidDataException($"{rawDir}: {result.Failures.Count} case(s) failed to preprocess: " +
                string.Join("; ", result.Failures.Select(f => $"{f.Case}: {f.Message}")));
        var checksums = Directory.GetFiles(dataDir, "case_*.npy").Order(StringComparer.Ordinal)
            .ToDictionary(p => Path.GetFileName(p), ChecksumVerifier.Md5);
        AtomicFile.Write(checksumPath, tmp => File.WriteAllText(tmp, JsonSerializer.Serialize(checksums, new JsonSerializerOptions { WriteIndented = true })));
        log($"{dataDir}: {checksums.Count} files, md5s in {ChecksumFile}");
    }
}
