using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Numerics;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf doctor [--system S] [--json]</c>: what this machine is and whether its arithmetic can be trusted — CPU
/// model and the flags oneDNN dispatches on, cores, library versions, the oneDNN ISA in force, the numerical
/// self-check of the system's layers at every oneDNN setting the CPU has, MPI, CUDA, and the data folders of the
/// shipped systems. CI prints it first, so a failure on another CPU explains itself.
/// </summary>
public static class DoctorCommand
{
    private static readonly string[] FlagsThatMatter =
        ["sse4_1", "avx", "avx2", "fma", "avx_vnni", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16"];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var probe = new Option<string[]>("--probe") { Hidden = true, AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads") { Hidden = true };
        var device = new Option<string>("--device") { Hidden = true, DefaultValueFactory = _ => "cpu" };
        var oneDnn = new Option<string>("--onednn") { Hidden = true, DefaultValueFactory = _ => "on" };
        var layers = new Option<bool>("--layers") { Description = "With --probe: print every layer's errors" };
        var command = new Command("doctor", "This machine, its libraries and the numerical self-check at every oneDNN setting")
        {
            TrainCommand.SystemOption, TrainCommand.SetOption, json, probe, threads, device, oneDnn, layers,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(probe) is { Length: > 0 } specs)
                return DoctorProbe.Run(specs, parse.GetValue(threads), parse.GetValue(device)!, parse.GetValue(oneDnn) != "off", parse.GetValue(layers));
            string system = parse.GetValue(TrainCommand.SystemOption)!;
            var config = SystemConfigLoader.LoadConfig(Defaults.SystemsDir, system, parse.GetValue(TrainCommand.SetOption) ?? []);
            var report = Examine(system, config);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report, NumericsRecord.Options) : Text(report));
            return report.WouldUse is null ? (int)Harness.Failures.ExitCode.WrongArithmetic : 0;
        });
        return command;
    }

    private static DoctorReport Examine(string system, RunConfig config)
    {
        var cpu = CpuInfo.Read();
        var spec = RunNumerics.SpecOf(config);
        string before = OneDnnIsa.InForce();
        var runner = new ChildProbeRunner(Defaults.AppPath, [spec], config.TorchThreads);
        var outcomes = NumericsGuard.Ladder(before, cpu).Select(runner.Run).ToArray();
        var wouldUse = outcomes.FirstOrDefault(o => o.Passed)?.Setting;
        Unet3d.Native.TorchNative.EnsureLoaded();
        return new DoctorReport(
            cpu.Describe(), FlagsThatMatter.Where(cpu.Flags.Contains).ToArray(), Environment.ProcessorCount,
            typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "?",
            outcomes.Select(o => o.OneDnnVersion).FirstOrDefault(v => v is not null), before,
            outcomes.Select(o => o.OneDnnIsaReported).FirstOrDefault(v => v is not null),
            system, spec.ToString(), outcomes, wouldUse?.Describe(), MpiVersion(), TorchSharp.torch.cuda.is_available(), DataFolders());
    }

    private static string Text(DoctorReport r)
    {
        var lines = new List<string>
        {
            $"CPU: {r.Cpu}, {r.Cores} cores; flags: {string.Join(' ', r.CpuFlags)}",
            $"TorchSharp {r.TorchSharpVersion}, oneDNN {r.OneDnnVersion ?? "?"}; {OneDnnIsa.EnvironmentVariable}={r.OneDnnIsaInForce} (oneDNN reports: {r.OneDnnIsaReported ?? "?"})",
            $"self-check of {r.System} ({r.Spec}):",
        };
        lines.AddRange(r.SelfCheck.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"  {o.Setting.Describe(),-12} {(o.Error is not null ? "ERROR " + o.Error : o.Passed ? "passed" : "FAILED"),-7} worst {o.WorstError:G2} {o.WorstLayer} ({o.Seconds:F1} s)")));
        lines.Add(r.WouldUse is null ? "  no setting passed: training on this machine would stop with exit code 7" : $"  a run would use: {r.WouldUse}");
        lines.Add($"MPI: {r.Mpi ?? "mpiexec.mpich not found (several ranks need MPICH: apt-get install mpich)"}");
        lines.Add($"CUDA: {(r.CudaAvailable ? "available" : "not available")}");
        lines.AddRange(r.DataFolders.Select(d => $"data of {d.Key}: {d.Value}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string? MpiVersion()
    {
        string? path = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "mpiexec.mpich")).FirstOrDefault(File.Exists);
        if (path is null) return null;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            string? version = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Version:", StringComparison.Ordinal));
            return $"{path} ({(version is null ? "version unknown" : "MPICH " + version["Version:".Length..].Trim())})";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{path} (cannot be run)";
        }
    }

    private static SortedDictionary<string, string> DataFolders()
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Defaults.SystemsDir, "*.config.json"))
        {
            string name = Path.GetFileName(file)[..^".config.json".Length];
            string dir;
            try
            {
                dir = SystemConfigLoader.LoadConfig(Defaults.SystemsDir, name, []).DataDir;
            }
            catch (SystemConfigException e)
            {
                found[name] = "config does not load: " + e.Message;
                continue;
            }
            int cases = Directory.Exists(dir) ? Directory.GetFiles(dir, "*_x.npy").Length : 0;
            found[name] = Directory.Exists(dir) ? $"{dir} ({cases} preprocessed cases)" : $"{dir} (missing)";
        }
        return found;
    }
}
