using System.Text.RegularExpressions;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.Training;

/// <summary>
/// Two CPU runs of the same config and seed give the same training loss and eval_accuracy sequence to the last digit,
/// as the reference's seeding promises on one device (same thread count, same oneDNN setting).
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SameSeedAndConfig_GiveTheSameLossesAndAccuracies()
    {
        string systems = Directory.CreateDirectory(Path.Combine(_temp.Path, "systems")).FullName;
        TinySystem.Write(systems, Path.Combine(_temp.Path, "data"), maxEpochs: 3, qualityThreshold: 0.999);
        var deadline = TimeSpan.FromMinutes(5);
        MlperfProcess.Succeed(systems, _temp.Path, deadline, "prepare", "--system", TinySystem.Name);
        var first = Trajectory(MlperfProcess.Run(systems, _temp.Path, deadline, "run", "--system", TinySystem.Name, "--seed", "11"));
        var second = Trajectory(MlperfProcess.Run(systems, _temp.Path, deadline, "run", "--system", TinySystem.Name, "--seed", "11"));
        Assert.Equal(6, first.Count); // 3 epochs: a loss and an accuracy each
        Assert.Equal(first, second);
        var other = Trajectory(MlperfProcess.Run(systems, _temp.Path, deadline, "run", "--system", TinySystem.Name, "--seed", "12"));
        Assert.NotEqual(first, other); // the comparison can fail: another seed gives another trajectory
    }

    /// <summary>The per-epoch training losses (stderr, full precision) and eval_accuracy values (MLLOG) of a run, in order.</summary>
    private static List<string> Trajectory(MlperfOutcome run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        var losses = Regex.Matches(run.Stderr, @"epoch \d+: lr \S+, train loss (\S+)").Select(m => "loss " + m.Groups[1].Value);
        var accuracies = Regex.Matches(run.Stdout, "\"key\": \"eval_accuracy\", \"value\": ([^,]+),").Select(m => "accuracy " + m.Groups[1].Value);
        return [.. losses, .. accuracies];
    }
}
