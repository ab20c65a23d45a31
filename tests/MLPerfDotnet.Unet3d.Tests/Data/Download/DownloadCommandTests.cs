using MLPerfDotnet.Cli.Commands;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

public sealed class DownloadCommandTests
{
    [Fact]
    public async Task MissingCase_ExitsNonZeroAfterTheOthersComplete_AndListsTheFailure()
    {
        await using var bed = new DownloadTestBed(1);
        var error = new StringWriter();
        int code = await DownloadCommand.RunAsync(bed.Options(1, 2), error, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains("2 file(s) could not be downloaded", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("case_00002/imaging.nii.gz: not found (HTTP 404) at http://127.0.0.1:", error.ToString(), StringComparison.Ordinal);
        bed.AssertCompleteAndCorrect(1);
    }

    [Fact]
    public async Task CommandLine_DownloadsFromTheGivenBases()
    {
        await using var bed = new DownloadTestBed(3, 4);
        string[] args =
        [
            "--to", bed.Destination, "--cases", "3-4", "--parallel", "2",
            "--imaging-base", new Uri(bed.Server.BaseUri, "images/").ToString(),
            "--labels-base", new Uri(bed.Server.BaseUri, "kits").ToString(),
        ];
        int code = await DownloadCommand.Create().Parse(args).InvokeAsync();
        Assert.Equal(0, code);
        bed.AssertCompleteAndCorrect(3, 4);
    }

    [Theory]
    [InlineData("--cases", "9-1")]
    [InlineData("--parallel", "0")]
    [InlineData("--imaging-base", "ftp://x/")]
    public async Task BadArguments_ExitWithTwo(string option, string value)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlperf-download-unused");
        int code = await DownloadCommand.Create().Parse(["--to", dir, option, value]).InvokeAsync();
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(dir));
    }
}
