using System.CommandLine;
using Microsoft.Extensions.Logging;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Data.Preparation;

namespace MLPerfDotnet.Cli.Commands;

/// <summary><c>mlperf prepare</c>: the untimed data step before a run (generates the embedded default's data set once).</summary>
public static class PrepareCommand
{
    public static Command Create()
    {
        var command = new Command("prepare", "Make sure the system's preprocessed data set exists (untimed)") { TrainCommand.SystemOption };
        command.SetAction(parse =>
        {
            using var loggers = CliLogging.Create();
            var logger = loggers.CreateLogger("mlperf.prepare");
            try
            {
                var config = SystemConfigLoader.LoadConfig(Defaults.SystemsDir, parse.GetValue(TrainCommand.SystemOption)!);
                DatasetPreparation.Ensure(config, message => logger.LogInformation("{Message}", message));
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or SystemConfigException or UnauthorizedAccessException)
            {
                logger.LogError("{Message}", e.Message);
                return 2;
            }
        });
        return command;
    }
}
