using System.CommandLine;
using MLPerfDotnet.Cli.Commands;

var root = new RootCommand("MLPerfDotnet: the MLPerf Training unet3d (3D U-Net, KiTS19) harness")
{
    RunCommand.Create(),
    TrainCommand.Create(),
    SummarizeCommand.Create(),
    K8sCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
