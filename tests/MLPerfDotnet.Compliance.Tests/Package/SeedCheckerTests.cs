using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Package;

public class SeedCheckerTests
{
    private static string Seed(long seed, int lineno) =>
        $":::MLLOG {{\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", \"key\": \"seed\", \"value\": {seed}, \"metadata\": {{\"file\": \"main.py\", \"lineno\": {lineno}}}}}";

    [Fact]
    public void SameSeedSameLine_InTwoFiles_IsAnError()
    {
        using var temp = new TempFolder();
        string a = Path.Combine(temp.Path, "result_0.txt"), b = Path.Combine(temp.Path, "result_1.txt");
        File.WriteAllText(a, Seed(7, 70));
        File.WriteAllText(b, Seed(7, 70));
        var errors = SeedChecker.Check([a, b]);
        Assert.Equal($"Result file {b} logs seed 7 on main.py:70. However, result file {a} already logs the same seed on the same line.", Assert.Single(errors));
    }

    [Fact]
    public void DifferentSeeds_Pass_AndMissingSeed_Fails()
    {
        using var temp = new TempFolder();
        string a = Path.Combine(temp.Path, "result_0.txt"), b = Path.Combine(temp.Path, "result_1.txt"), c = Path.Combine(temp.Path, "result_2.txt");
        File.WriteAllText(a, Seed(7, 70));
        File.WriteAllText(b, Seed(8, 70));
        File.WriteAllText(c, "nothing\n");
        Assert.Empty(SeedChecker.Check([a, b]));
        Assert.Equal($"Result file {c} logs no seed.", Assert.Single(SeedChecker.Check([a, c])));
    }
}
