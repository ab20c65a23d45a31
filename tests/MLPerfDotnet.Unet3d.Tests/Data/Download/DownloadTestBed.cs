using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MLPerfDotnet.Unet3d.Data.Download;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

/// <summary>
/// A faulty server holding deterministic files for some cases, a temporary destination, short timeouts, and
/// an invariant check run on every request: no file of the test ever has its final name while incomplete.
/// </summary>
public sealed class DownloadTestBed : IAsyncDisposable
{
    public const int FileSize = 150_000;

    public DownloadTestBed(params int[] cases)
    {
        Destination = Directory.CreateTempSubdirectory("mlperf-download-").FullName;
        foreach (int c in cases)
        {
            Server.Serve(ImagingPath(c), Content(c, 1));
            Server.Serve(LabelsPath(c), Content(c, 2));
        }
        Server.OnRequest = path =>
        {
            string? target = TargetFor(path);
            if (target is not null && File.Exists(target)) Violations.Add($"{target} existed while {path} was requested");
        };
    }

    public FaultyHttpServer Server { get; } = new();
    public string Destination { get; }
    public ConcurrentBag<string> Violations { get; } = [];
    public ListLogger Logger { get; } = new();

    public static string ImagingPath(int c) => $"/images/{KitsSources.CaseName(c)}.nii.gz";
    public static string LabelsPath(int c) => $"/kits/data/{KitsSources.CaseName(c)}/segmentation.nii.gz";

    public static byte[] Content(int c, int kind)
    {
        var bytes = new byte[FileSize + c * 7 + kind];
        new Random(c * 10 + kind).NextBytes(bytes);
        return bytes;
    }

    public string ImagingTarget(int c) => Path.Combine(Destination, KitsSources.CaseName(c), "imaging.nii.gz");
    public string LabelsTarget(int c) => Path.Combine(Destination, KitsSources.CaseName(c), "segmentation.nii.gz");

    public KitsDownloadOptions Options(params int[] cases) => new(Destination, cases)
    {
        ImagingBase = new Uri(Server.BaseUri, "images/"),
        LabelsBase = new Uri(Server.BaseUri, "kits/"),
        Parallelism = 3,
        ProgressInterval = TimeSpan.FromMilliseconds(50),
        Transfer = new TransferPolicy
        {
            AttemptTimeout = TimeSpan.FromSeconds(10),
            StallTimeout = TimeSpan.FromSeconds(3), // generous: a loaded machine must not add spurious resumes
            MaxRetries = 5,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        },
    };

    public async Task<DownloadReport> RunAsync(KitsDownloadOptions options)
    {
        using var http = KitsDownloader.CreateHttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await new KitsDownloader(http, Logger).RunAsync(options, timeout.Token);
    }

    /// <summary>Every file that exists under its final name has exactly the served bytes, and no invariant was broken.</summary>
    public void AssertCompleteAndCorrect(params int[] cases)
    {
        Assert.Empty(Violations);
        foreach (int c in cases)
        {
            Assert.Equal(Content(c, 1), File.ReadAllBytes(ImagingTarget(c)));
            Assert.Equal(Content(c, 2), File.ReadAllBytes(LabelsTarget(c)));
            Assert.False(File.Exists(ImagingTarget(c) + ".part"));
            Assert.False(File.Exists(LabelsTarget(c) + ".part"));
        }
    }

    private string? TargetFor(string path)
    {
        for (int c = 0; c < 1000; c++)
        {
            if (path == ImagingPath(c)) return ImagingTarget(c);
            if (path == LabelsPath(c)) return LabelsTarget(c);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Destination, recursive: true);
    }
}
