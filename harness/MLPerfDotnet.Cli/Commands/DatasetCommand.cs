using System.CommandLine;
using System.Globalization;
using MLPerfDotnet.Unet3d.Data.Preprocessing;
using MLPerfDotnet.Unet3d.Data.Reference;
using MLPerfDotnet.Unet3d.Data.Synthesis;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf dataset preprocess|verify|synthesize</c>: the KiTS19 data pipeline. Other subcommands (e.g.
/// <c>download</c>) can be attached through <see cref="Create"/>. Exit codes: 0 success, 1 failed cases or
/// checksums, 2 bad input (message on stderr, naming the file).
/// </summary>
public static class DatasetCommand
{
    public static Command Create(params Command[] extraSubcommands)
    {
        var command = new Command("dataset", "KiTS19 data: preprocess raw cases, verify checksums, synthesize test data");
        command.Subcommands.Add(Preprocess());
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Synthesize());
        command.Subcommands.Add(BenchLoader());
        foreach (var extra in extraSubcommands) command.Subcommands.Add(extra);
        return command;
    }

    private static Command Preprocess()
    {
        var raw = new Option<string>("--raw") { Description = "folder of case_XXXXX folders (kits19/data)", Required = true };
        var output = new Option<string>("--out") { Description = "folder for case_XXXXX_{x,y}.npy", Required = true };
        var labelsOnly = new Option<bool>("--labels-only") { Description = "write only _y.npy, spacing from the segmentation header" };
        var spacing = new Option<double[]>("--target-spacing")
        {
            Description = "target spacing (slices, H, W) in mm",
            DefaultValueFactory = _ => [1.6, 1.2, 1.2],
            AllowMultipleArgumentsPerToken = true,
        };
        var minShape = new Option<int[]>("--min-shape")
        {
            Description = "minimum shape (edge padding), one value or three",
            DefaultValueFactory = _ => [128],
            AllowMultipleArgumentsPerToken = true,
        };
        var workers = new Option<int>("--workers") { Description = "cases at once (0: up to 4 by cores)" };
        var force = new Option<bool>("--force") { Description = "redo cases whose outputs exist" };
        var cmd = new Command("preprocess", "resample, normalize and pad raw KiTS19 cases like the reference");
        foreach (var o in new Option[] { raw, output, labelsOnly, spacing, minShape, workers, force }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(p, () =>
        {
            int[] min = p.GetValue(minShape)!;
            var options = new PreprocessOptions
            {
                TargetSpacing = p.GetValue(spacing)!,
                MinShape = min.Length == 1 ? [min[0], min[0], min[0]] : min,
                LabelsOnly = p.GetValue(labelsOnly),
                Workers = p.GetValue(workers),
                Force = p.GetValue(force),
            };
            var summary = DatasetPreprocessor.Run(p.GetValue(raw)!, p.GetValue(output)!, options, Writer(p));
            return summary.Succeeded ? 0 : 1;
        }));
        return cmd;
    }

    private static Command Verify()
    {
        var data = new Option<string>("--data") { Description = "folder of preprocessed .npy files", Required = true };
        var checksums = new Option<string?>("--checksums") { Description = "JSON of file name to md5 (default: the reference checksum.json)" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "check only the listed files that exist (e.g. labels-only output)" };
        var workers = new Option<int>("--workers") { Description = "files hashed at once (0: up to 4 by cores)" };
        var cmd = new Command("verify", "compare the md5 of preprocessed files with a checksum list");
        foreach (var o in new Option[] { data, checksums, allowMissing, workers }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(p, () =>
        {
            string? file = p.GetValue(checksums);
            var list = file is null ? ReferenceData.Checksums : ReferenceData.LoadChecksums(file);
            var summary = ChecksumVerifier.Verify(p.GetValue(data)!, list, p.GetValue(workers), Writer(p));
            return summary.Passed(p.GetValue(allowMissing)) ? 0 : 1;
        }));
        return cmd;
    }

    private static Command Synthesize()
    {
        var output = new Option<string>("--out") { Description = "folder for case_XXXXX/{imaging,segmentation}.nii.gz", Required = true };
        var seed = new Option<long>("--seed") { Description = "random seed", DefaultValueFactory = _ => 0 };
        var cases = new Option<int>("--cases") { Description = "number of cases", DefaultValueFactory = _ => 210 };
        var size = new Option<int>("--size") { Description = "rough voxels per axis after preprocessing", DefaultValueFactory = _ => 56 };
        var cmd = new Command("synthesize", "write deterministic synthetic KiTS-like raw cases");
        foreach (var o in new Option[] { output, seed, cases, size }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(p, () =>
        {
            var options = new SynthesisOptions { Seed = p.GetValue(seed), Cases = p.GetValue(cases), Size = p.GetValue(size) };
            int n = SyntheticDataset.Write(p.GetValue(output)!, options);
            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {n} case(s) to {p.GetValue(output)} ({options.Cases - n} already present)."));
            return 0;
        }));
        return cmd;
    }

    private static Command BenchLoader()
    {
        var data = new Option<string>("--data") { Description = "folder of preprocessed case_*_{x,y}.npy", Required = true };
        var threads = new Option<int>("--threads") { Description = "loader worker threads", DefaultValueFactory = _ => 1 };
        var samples = new Option<int>("--samples") { Description = "samples to time after a warm-up epoch", DefaultValueFactory = _ => 200 };
        var patch = new Option<int>("--patch") { Description = "cubic patch size", DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch") { Description = "batch size", DefaultValueFactory = _ => 2 };
        var cmd = new Command("bench-loader", "measure training-loader throughput (crop + augmentation) on every case in a folder");
        foreach (var o in new Option[] { data, threads, samples, patch, batch }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(p, () =>
        {
            var (train, eval) = MLPerfDotnet.Unet3d.Data.Loading.Kits19Split.Load(p.GetValue(data)!, new HashSet<string>());
            int t = p.GetValue(threads), size = p.GetValue(patch);
            var options = new MLPerfDotnet.Unet3d.Data.Loading.LoaderOptions([size, size, size], p.GetValue(batch), Workers: t, Prefetch: 2 * t);
            var r = MLPerfDotnet.Benchmarks.LoaderBenchmark.Run([.. train, .. eval], options, p.GetValue(samples));
            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threads {t}: {r.Samples} samples in {r.Elapsed.TotalSeconds:F2} s = {r.SamplesPerSecond:F1} samples/s (warm-up epoch {r.WarmupSamples} samples in {r.WarmupElapsed.TotalSeconds:F2} s)"));
            return 0;
        }));
        return cmd;
    }

    private static Action<string> Writer(ParseResult p)
    {
        var output = p.InvocationConfiguration.Output;
        var gate = new object();
        return line =>
        {
            lock (gate) output.WriteLine(line);
        };
    }

    private static int Run(ParseResult p, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            p.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
