using System.CommandLine;
using MLPerfDotnet.Cli.Commands;

// Wiring only: each command lives in Commands/, its logic in the libraries.
var root = new RootCommand("MLPerfDotnet: the MLPerf Training unet3d (3D U-Net, KiTS19) harness")
{
    RunCommand.Create(),
    TrainCommand.Create(),
    PrepareCommand.Create(),
    DatasetCommand.Create(DownloadCommand.Create()),
    CheckCommand.Create(),
    SummarizeCommand.Create(),
    K8sCommand.Create(),
    BenchCommand.Create(),
    DoctorCommand.Create(),
};
return CliBoundary.Invoke(root, args);
