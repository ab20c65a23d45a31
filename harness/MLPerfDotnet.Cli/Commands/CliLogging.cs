using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>The app's ILogger: human progress on stderr, so stdout carries the MLLOG lines as the reference prints them.</summary>
public static class CliLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        }));
}
