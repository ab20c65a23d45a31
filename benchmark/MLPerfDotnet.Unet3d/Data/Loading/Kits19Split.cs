using MLPerfDotnet.Unet3d.Data.Reference;

namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// The reference's train/eval split of a preprocessed folder: the cases of the sorted <c>case_*_x.npy</c> and
/// <c>case_*_y.npy</c> files, a case going to eval when its five-digit id (<c>path.split("_")[-2]</c>) is one of
/// the evaluation ids (by default the reference's 42).
/// </summary>
public static class Kits19Split
{
    public static (IReadOnlyList<Kits19Case> Train, IReadOnlyList<Kits19Case> Eval) Load(
        string preprocessedDir, IReadOnlySet<string>? evalIds = null)
    {
        if (!Directory.Exists(preprocessedDir))
            throw new DirectoryNotFoundException($"{preprocessedDir}: preprocessed data folder does not exist");
        evalIds ??= ReferenceData.EvaluationCaseIds;
        var ids = evalIds.Select(id => id.StartsWith("case_", StringComparison.Ordinal) ? id[5..] : id)
            .ToHashSet(StringComparer.Ordinal);
        var xs = Names(preprocessedDir, "_x.npy");
        var ys = Names(preprocessedDir, "_y.npy");
        if (xs.Count == 0 && ys.Count == 0)
            throw new InvalidDataException($"{preprocessedDir}: no case_*_x.npy / case_*_y.npy files");
        var unpaired = xs.Except(ys).Select(c => c + "_y.npy").Concat(ys.Except(xs).Select(c => c + "_x.npy")).Order().ToList();
        if (unpaired.Count > 0)
            throw new InvalidDataException(
                $"{preprocessedDir}: incomplete pairs, missing {string.Join(", ", unpaired.Take(5))}{(unpaired.Count > 5 ? " ..." : "")}");
        var train = new List<Kits19Case>();
        var eval = new List<Kits19Case>();
        foreach (string name in xs)
        {
            var c = new Kits19Case(name, Path.Combine(preprocessedDir, name + "_x.npy"), Path.Combine(preprocessedDir, name + "_y.npy"));
            string[] parts = name.Split('_');
            (ids.Contains(parts[^1]) ? eval : train).Add(c);
        }
        return (train, eval);
    }

    private static SortedSet<string> Names(string dir, string suffix) =>
        new(Directory.GetFiles(dir, "case_*" + suffix).Select(p => Path.GetFileName(p)[..^suffix.Length]), StringComparer.Ordinal);
}
