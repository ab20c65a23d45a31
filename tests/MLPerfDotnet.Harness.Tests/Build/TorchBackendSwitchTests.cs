using System.Diagnostics;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Build;

/// <summary>
/// The <c>-p:TorchBackend=</c> build switch of the benchmark project picks which libtorch package the app carries:
/// the CPU one (default), none (an external CUDA libtorch loaded at run time), or TorchSharp's CUDA package.
/// Checked by evaluating the project with MSBuild (no restore, so the CUDA package need not be served here).
/// </summary>
public sealed class TorchBackendSwitchTests
{
    [Theory]
    [InlineData("cpu", "libtorch-cpu-linux-x64")]
    [InlineData("external", null)]
    [InlineData("cuda", "libtorch-cuda-12.8-linux-x64")]
    public void BackendSelectsItsLibtorchPackage(string backend, string? expected)
    {
        string project = Path.Combine(SharedData.RepoRoot, "benchmark", "MLPerfDotnet.Unet3d", "MLPerfDotnet.Unet3d.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "msbuild", project, "-getItem:PackageReference", $"-p:TorchBackend={backend}", "-nologo" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var packages = json.RootElement.GetProperty("Items").GetProperty("PackageReference").EnumerateArray()
            .Select(p => p.GetProperty("Identity").GetString()!).ToList();
        Assert.Contains("TorchSharp", packages);
        Assert.Equal(expected is null ? [] : [expected], packages.Where(p => p.StartsWith("libtorch-", StringComparison.Ordinal)));
    }
}
