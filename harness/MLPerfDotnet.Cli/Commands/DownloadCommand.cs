using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MLPerfDotnet.Unet3d.Data.Download;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf dataset download</c>: fetches KiTS19 imaging (Hugging Face) and labels (the kits19 git repository)
/// into DIR/case_XXXXX/, resumably. Exit code 0 when every file is complete, 1 when some failed (listed on
/// stderr), 2 on bad arguments, 130 when interrupted (partial files are kept and resumed next time).
/// </summary>
public static class DownloadCommand
{
    public static readonly Option<string> ToOption = new("--to") { Description = "Destination folder (gets case_XXXXX/imaging.nii.gz and segmentation.nii.gz)", Required = true };

    public static readonly Option<string> CasesOption = new("--cases")
    {
        Description = "Cases to fetch: ranges and lists, e.g. 0-209 or 0-9,42",
        DefaultValueFactory = _ => "0-209",
    };

    public static readonly Option<int> ParallelOption = new("--parallel") { Description = "Files fetched at the same time", DefaultValueFactory = _ => 4 };

    public static readonly Option<string> ImagingBaseOption = new("--imaging-base")
    {
        Description = "Base URL of the imaging files (gets case_XXXXX.nii.gz appended)",
        DefaultValueFactory = _ => KitsSources.DefaultImagingBase.ToString(),
    };

    public static readonly Option<string> LabelsBaseOption = new("--labels-base")
    {
        Description = "Base URL of the kits19 repository's raw files (gets data/case_XXXXX/segmentation.nii.gz appended)",
        DefaultValueFactory = _ => KitsSources.DefaultLabelsBase.ToString(),
    };

    public static readonly Option<string?> Md5Option = new("--md5") { Description = "Expected md5s: md5sum output (relative names) or a JSON object name -> md5" };

    public static readonly Option<bool> LabelsOnlyOption = new("--labels-only") { Description = "Fetch only segmentation.nii.gz" };

    public static readonly Option<int> RetriesOption = new("--retries") { Description = "Retries per file after the first attempt", DefaultValueFactory = _ => 8 };

    public static readonly Option<double> StallTimeoutOption = new("--stall-timeout")
    {
        Description = "Seconds without any byte before an attempt is abandoned and resumed",
        DefaultValueFactory = _ => 60,
    };

    public static Command Create()
    {
        var command = new Command("download", "Download the KiTS19 imaging and label files (resumable, verified)")
        {
            ToOption, CasesOption, ParallelOption, ImagingBaseOption, LabelsBaseOption, Md5Option, LabelsOnlyOption, RetriesOption, StallTimeoutOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            KitsDownloadOptions options;
            try
            {
                options = new KitsDownloadOptions(Path.GetFullPath(parse.GetValue(ToOption)!), CaseRange.Parse(parse.GetValue(CasesOption)!))
                {
                    Parallelism = parse.GetValue(ParallelOption) is int p and >= 1 ? p : throw new FormatException("--parallel must be at least 1."),
                    ImagingBase = ParseBase(parse.GetValue(ImagingBaseOption)!, "--imaging-base"),
                    LabelsBase = ParseBase(parse.GetValue(LabelsBaseOption)!, "--labels-base"),
                    Md5 = parse.GetValue(Md5Option) is string md5 ? Md5List.Load(md5) : null,
                    Imaging = !parse.GetValue(LabelsOnlyOption),
                    Transfer = new TransferPolicy
                    {
                        MaxRetries = Math.Max(0, parse.GetValue(RetriesOption)),
                        StallTimeout = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(StallTimeoutOption))),
                    },
                };
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"mlperf dataset download: {e.Message}").ConfigureAwait(false);
                return 2;
            }
            return await RunAsync(options, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(KitsDownloadOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        }));
        using var http = KitsDownloader.CreateHttpClient();
        DownloadReport report;
        try
        {
            report = await new KitsDownloader(http, loggers.CreateLogger("mlperf.download")).RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Interrupted: partial files (*.part) are kept; run the command again to resume.").ConfigureAwait(false);
            return 130;
        }
        if (report.Succeeded) return 0;
        await error.WriteLineAsync($"{report.Failures.Count} file(s) could not be downloaded:").ConfigureAwait(false);
        foreach (var failure in report.Failures) await error.WriteLineAsync("  " + failure).ConfigureAwait(false);
        return 1;
    }

    private static Uri ParseBase(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri : throw new FormatException($"{option}: '{text}' is not an http(s) URL.");
}
