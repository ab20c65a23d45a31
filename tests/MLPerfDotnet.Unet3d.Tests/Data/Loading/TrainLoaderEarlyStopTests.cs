using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class TrainLoaderEarlyStopTests
{
    [Fact]
    public void StoppingAnEpochEarlyNeverThrowsFromTheWorkers()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 6, [12, 12, 12]);
        using var loader = new TrainLoader(cases, new LoaderOptions([8, 8, 8], 1, Workers: 4, Prefetch: 1), 0, 1, 1, 2);
        for (int epoch = 1; epoch <= 50; epoch++)
        {
            // Take one batch and abandon the rest: the finally block cancels workers that may not have started yet.
            var first = loader.Epoch(epoch).First();
            Assert.Equal(1, first.Count);
        }
    }
}
