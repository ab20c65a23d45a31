using System.Security.Cryptography;
using MLPerfDotnet.Unet3d.Data.Download;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

public sealed class KitsDownloaderTests
{
    private static string Img(int c) => DownloadTestBed.ImagingPath(c);

    [Fact]
    public async Task HealthyServer_FetchesImagingAndLabelsOfEveryCase()
    {
        await using var bed = new DownloadTestBed(0, 1, 2, 3);
        var report = await bed.RunAsync(bed.Options(0, 1, 2, 3));
        Assert.True(report.Succeeded);
        Assert.Equal(8, report.Downloaded);
        Assert.True(report.Bytes >= 8 * DownloadTestBed.FileSize);
        bed.AssertCompleteAndCorrect(0, 1, 2, 3);
        Assert.Contains(bed.Logger.Messages, m => m.Contains("8 files fetched", StringComparison.Ordinal) && m.Contains("/s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceUnavailableBurst_IsRetriedUntilTheFileArrives()
    {
        await using var bed = new DownloadTestBed(5);
        bed.Server.Inject(Img(5), Fault.Code(503), Fault.Code(503), Fault.Code(429, retryAfterSeconds: 0), Fault.Code(502));
        var report = await bed.RunAsync(bed.Options(5));
        Assert.True(report.Succeeded);
        Assert.Equal(5, bed.Server.RequestsFor(Img(5)).Count);
        bed.AssertCompleteAndCorrect(5);
    }

    [Fact]
    public async Task ConnectionResetMidBody_ResumesWithRangeFromThePartialFile()
    {
        await using var bed = new DownloadTestBed(7);
        bed.Server.Inject(Img(7), Fault.Reset(afterBytes: 40_000));
        var report = await bed.RunAsync(bed.Options(7));
        Assert.True(report.Succeeded);
        var requests = bed.Server.RequestsFor(Img(7));
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].RangeStart);
        Assert.NotNull(requests[1].RangeStart);
        Assert.InRange(requests[1].RangeStart!.Value, 1, 40_000);
        bed.AssertCompleteAndCorrect(7);
    }

    [Fact]
    public async Task TruncatedBodyWithFullContentLength_IsResumedNotAccepted()
    {
        await using var bed = new DownloadTestBed(8);
        bed.Server.Inject(Img(8), Fault.Truncate(afterBytes: 65_536), Fault.Truncate(afterBytes: 16_384));
        var report = await bed.RunAsync(bed.Options(8));
        Assert.True(report.Succeeded);
        var ranges = bed.Server.RequestsFor(Img(8)).Select(r => r.RangeStart).ToList();
        Assert.Equal([null, 65_536L, 65_536L + 16_384L], ranges);
        bed.AssertCompleteAndCorrect(8);
    }

    [Fact]
    public async Task PartialContentShorterThanTheTotal_IsCompletedByTheNextRange()
    {
        await using var bed = new DownloadTestBed(6);
        bed.Server.Inject(Img(6), Fault.ShortRange(50_000), Fault.ShortRange(30_000));
        var report = await bed.RunAsync(bed.Options(6));
        Assert.True(report.Succeeded);
        Assert.Equal([null, 50_000L, 80_000L], bed.Server.RequestsFor(Img(6)).Select(r => r.RangeStart));
        Assert.Contains(bed.Logger.Messages, m => m.Contains("truncated body: 50000 of", StringComparison.Ordinal));
        bed.AssertCompleteAndCorrect(6);
    }

    [Fact]
    public async Task StalledResponse_IsAbandonedAfterTheStallTimeoutAndResumed()
    {
        await using var bed = new DownloadTestBed(9);
        bed.Server.Inject(Img(9), Fault.Stall(afterBytes: 10_000));
        var options = bed.Options(9);
        // 1.5 s: short enough to keep the test quick, long enough that a loaded CI machine still reads the first
        // 10,000 bytes before the stall timer fires (0.3 s was not, once).
        var report = await bed.RunAsync(options with { Transfer = options.Transfer with { StallTimeout = TimeSpan.FromMilliseconds(1500) } });
        Assert.True(report.Succeeded);
        Assert.Equal([null, 10_000L], bed.Server.RequestsFor(Img(9)).Select(r => r.RangeStart));
        Assert.Contains(bed.Logger.Messages, m => m.Contains("no data for 1.5 s", StringComparison.Ordinal));
        bed.AssertCompleteAndCorrect(9);
    }

    [Fact]
    public async Task StalledResponse_IsCutByThePerAttemptTimeoutWhenTheStallTimeoutIsLonger()
    {
        await using var bed = new DownloadTestBed(10);
        bed.Server.Inject(Img(10), Fault.Stall(afterBytes: 20_000));
        var options = bed.Options(10);
        options = options with { Transfer = options.Transfer with { StallTimeout = TimeSpan.FromSeconds(30), AttemptTimeout = TimeSpan.FromSeconds(1) } };
        var report = await bed.RunAsync(options);
        Assert.True(report.Succeeded);
        Assert.Equal([null, 20_000L], bed.Server.RequestsFor(Img(10)).Select(r => r.RangeStart));
        bed.AssertCompleteAndCorrect(10);
    }

    [Fact]
    public async Task NotFound_NamesTheCaseAndUrl_AndTheOtherCasesComplete()
    {
        await using var bed = new DownloadTestBed(1, 3);
        bed.Server.Serve(DownloadTestBed.LabelsPath(2), DownloadTestBed.Content(2, 2)); // case 2 has labels, no imaging
        var report = await bed.RunAsync(bed.Options(1, 2, 3));
        var failure = Assert.Single(report.Failures);
        Assert.Equal(2, failure.Case);
        string text = failure.ToString();
        Assert.Contains("case_00002/imaging.nii.gz", text, StringComparison.Ordinal);
        Assert.Contains(new Uri(bed.Server.BaseUri, Img(2)).ToString(), text, StringComparison.Ordinal);
        Assert.Contains("404", text, StringComparison.Ordinal);
        Assert.Single(bed.Server.RequestsFor(Img(2))); // a 404 is not retried
        Assert.False(File.Exists(bed.ImagingTarget(2)));
        Assert.Equal(5, report.Downloaded);
        Assert.Equal(DownloadTestBed.Content(2, 2), File.ReadAllBytes(bed.LabelsTarget(2)));
        bed.AssertCompleteAndCorrect(1, 3);
    }

    [Fact]
    public async Task PersistentServerError_GivesUpAfterTheRetryBoundWithoutAFinalFile()
    {
        await using var bed = new DownloadTestBed(4);
        bed.Server.Inject(Img(4), Enumerable.Repeat(Fault.Code(500), 20).ToArray());
        var report = await bed.RunAsync(bed.Options(4));
        var failure = Assert.Single(report.Failures);
        Assert.Contains("HTTP 500", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(6, bed.Server.RequestsFor(Img(4)).Count); // 1 + MaxRetries
        Assert.False(File.Exists(bed.ImagingTarget(4)));
        Assert.Empty(bed.Violations);
    }

    [Fact]
    public async Task ExistingPartialFile_IsResumedFromItsLength()
    {
        await using var bed = new DownloadTestBed(11);
        Directory.CreateDirectory(Path.GetDirectoryName(bed.ImagingTarget(11))!);
        File.WriteAllBytes(bed.ImagingTarget(11) + ".part", DownloadTestBed.Content(11, 1)[..12_345]);
        var report = await bed.RunAsync(bed.Options(11));
        Assert.True(report.Succeeded);
        Assert.Equal([12_345L], bed.Server.RequestsFor(Img(11)).Select(r => r.RangeStart));
        bed.AssertCompleteAndCorrect(11);
    }

    [Fact]
    public async Task ServerIgnoringRange_RestartsTheFileFromTheFullBody()
    {
        await using var bed = new DownloadTestBed(12);
        Directory.CreateDirectory(Path.GetDirectoryName(bed.ImagingTarget(12))!);
        File.WriteAllBytes(bed.ImagingTarget(12) + ".part", new byte[5_000]); // wrong bytes: replaced by the 200 body
        bed.Server.Inject(Img(12), Fault.FullBody());
        var report = await bed.RunAsync(bed.Options(12));
        Assert.True(report.Succeeded);
        bed.AssertCompleteAndCorrect(12);
    }

    [Fact]
    public async Task PartialFileLongerThanTheRemote_IsDiscardedAndFetchedAgain()
    {
        await using var bed = new DownloadTestBed(13);
        Directory.CreateDirectory(Path.GetDirectoryName(bed.ImagingTarget(13))!);
        File.WriteAllBytes(bed.ImagingTarget(13) + ".part", new byte[DownloadTestBed.FileSize * 2]);
        var report = await bed.RunAsync(bed.Options(13));
        Assert.True(report.Succeeded);
        Assert.Equal([DownloadTestBed.FileSize * 2L, null], bed.Server.RequestsFor(Img(13)).Select(r => r.RangeStart));
        bed.AssertCompleteAndCorrect(13);
    }

    [Fact]
    public async Task Rerun_SkipsCompleteFilesWithoutAnyRequest()
    {
        await using var bed = new DownloadTestBed(0, 1);
        await bed.RunAsync(bed.Options(0, 1));
        int before = bed.Server.Requests.Count;
        var again = await bed.RunAsync(bed.Options(0, 1));
        Assert.Equal(4, again.Skipped);
        Assert.Equal(0, again.Downloaded);
        Assert.Equal(before, bed.Server.Requests.Count);
    }

    [Fact]
    public async Task Md5Match_IsAccepted_AndMismatch_FailsWithoutAFinalFile()
    {
        await using var bed = new DownloadTestBed(14, 15);
        var md5 = new Dictionary<string, string>
        {
            ["case_00014/imaging.nii.gz"] = Convert.ToHexStringLower(MD5.HashData(DownloadTestBed.Content(14, 1))),
            ["case_00015/imaging.nii.gz"] = new string('0', 32),
        };
        var options = bed.Options(14, 15) with { Md5 = md5 };
        options = options with { Transfer = options.Transfer with { MaxRetries = 2 } };
        var report = await bed.RunAsync(options);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("case_00015/imaging.nii.gz", failure.Name);
        Assert.Contains("md5", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, bed.Server.RequestsFor(Img(15)).Count);
        Assert.False(File.Exists(bed.ImagingTarget(15)));
        Assert.False(File.Exists(bed.ImagingTarget(15) + ".part"));
        Assert.Equal(DownloadTestBed.Content(14, 1), File.ReadAllBytes(bed.ImagingTarget(14)));
    }

    [Fact]
    public async Task ManyFaultsAcrossCasesInParallel_AllFilesEndCorrect()
    {
        int[] cases = [20, 21, 22, 23, 24, 25];
        await using var bed = new DownloadTestBed(cases);
        bed.Server.Inject(Img(20), Fault.Reset(1_000), Fault.Code(503));
        bed.Server.Inject(Img(21), Fault.Truncate(100_000), Fault.Reset(8_192));
        bed.Server.Inject(Img(22), Fault.Stall(50_000));
        bed.Server.Inject(DownloadTestBed.LabelsPath(23), Fault.Code(503), Fault.Truncate(3));
        bed.Server.Inject(DownloadTestBed.LabelsPath(24), Fault.FullBody());
        var report = await bed.RunAsync(bed.Options(cases));
        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        bed.AssertCompleteAndCorrect(cases);
    }
}
