using System.CommandLine;
using MLPerfDotnet.Cli.Commands;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

public sealed class BenchGpuCommandTests
{
    [Theory]
    [InlineData("bench gpu --device cpu --precisions fp64")]
    [InlineData("bench gpu --device cpu --size 32")]
    [InlineData("bench gpu --device cpu --eval-shape 256 320")]
    public void BadArgumentsExitWith2BeforeAnyTorchWork(string args)
    {
        var root = new RootCommand { BenchCommand.Create() };
        Assert.Equal(2, root.Parse(args).Invoke());
    }
}
