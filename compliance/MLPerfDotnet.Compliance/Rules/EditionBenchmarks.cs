namespace MLPerfDotnet.Compliance.Rules;

/// <summary>The benchmarks of one edition and their facts; a benchmark the edition does not list gets <see cref="Default"/>.</summary>
public sealed record EditionBenchmarks(string Edition, IReadOnlyDictionary<string, BenchmarkFacts> Benchmarks, BenchmarkFacts Default)
{
    /// <summary>Whether a submission of this round may hold a folder for <paramref name="benchmark"/>.</summary>
    public bool Allows(string benchmark) => Benchmarks.ContainsKey(benchmark);

    public BenchmarkFacts For(string benchmark) =>
        Benchmarks.TryGetValue(benchmark, out var facts) ? facts : Default with { Benchmark = benchmark };
}
