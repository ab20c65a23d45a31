using MLPerfDotnet.Harness.Running;

namespace MLPerfDotnet.Harness.Tests.Running;

/// <summary>The one place that says how to start the app again: its apphost directly, its .dll through a dotnet host.</summary>
public sealed class AppCommandLineTests
{
    [Fact]
    public void Apphost_RunsAsItIs()
        => Assert.Equal(["/opt/app/mlperf", "run", "--seed", "1"], AppCommandLine.For("/opt/app/mlperf", ["run", "--seed", "1"]));

    [Fact]
    public void Dll_RunsThroughADotnetHost_ThatExists()
    {
        var line = AppCommandLine.For("/opt/app/mlperf.dll", ["doctor"]);
        Assert.Equal(["/opt/app/mlperf.dll", "doctor"], line.Skip(1));
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(line[0]));
        // the test host is itself run by dotnet, so the host is that very executable
        Assert.True(File.Exists(line[0]), line[0]);
        var start = AppCommandLine.StartInfo("/opt/app/mlperf.dll", ["doctor"]);
        Assert.Equal((line[0], false), (start.FileName, start.UseShellExecute));
        Assert.Equal(["/opt/app/mlperf.dll", "doctor"], start.ArgumentList);
    }
}
