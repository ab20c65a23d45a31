using System.Diagnostics;
using System.Globalization;
using MLPerfDotnet.Unet3d.Data.Download;
using Xunit.Abstractions;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;



/// <summary>
/// Measures the downloader against curl on the same file from the same local server (docs/download.md).
/// Run: <c>MLPERF_BENCH=1 dotnet test tests/MLPerfDotnet.Unet3d.Tests --filter DownloadThroughputBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class DownloadThroughputBenchmark(ITestOutputHelper output)
{
    [BenchFact]
    public async Task DownloaderAndCurl_OnTheSameFile()
    {
        const int size = 512 << 20;
        await using var bed = new DownloadTestBed();
        var content = new byte[size];
        new Random(1).NextBytes(content);
        bed.Server.Serve(DownloadTestBed.ImagingPath(0), content);
        var options = bed.Options(0) with { Labels = false, Parallelism = 1, ProgressInterval = TimeSpan.FromSeconds(1) };
        for (int round = 0; round < 3; round++)
        {
            if (File.Exists(bed.ImagingTarget(0))) File.Delete(bed.ImagingTarget(0));
            var report = await bed.RunAsync(options);
            Assert.True(report.Succeeded);
            string curlOut = Path.Combine(bed.Destination, "curl.bin");
            var curl = Process.Start(new ProcessStartInfo("curl", ["-s", "-o", curlOut, "-w", "%{speed_download}",
                new Uri(bed.Server.BaseUri, DownloadTestBed.ImagingPath(0)).ToString()]) { RedirectStandardOutput = true })!;
            string speed = await curl.StandardOutput.ReadToEndAsync();
            await curl.WaitForExitAsync();
            Assert.Equal(size, new FileInfo(curlOut).Length);
            double curlRate = double.Parse(speed, CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: downloader {report.BytesPerSecond / (1 << 20):0} MiB/s ({report.Elapsed.TotalSeconds:0.00} s), curl {curlRate / (1 << 20):0} MiB/s"));
        }
    }
}
