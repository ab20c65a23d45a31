using System.Globalization;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// What of a run the numerical self-check must cover: the U-Net's filters, the training batch per rank and patch
/// edge, the evaluation batch and window edge, and the precision. Its text form, e.g. <c>8,16,32/b2x32/e8x32/fp32</c>,
/// travels to probe processes on their command line and to child processes in <c>MLPERF_NUMERICS</c>.
/// </summary>
public sealed record NumericsSpec(IReadOnlyList<int> Filters, int TrainBatch, int TrainEdge, int EvalBatch, int EvalEdge, Precision Precision)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(',', Filters)}/b{TrainBatch}x{TrainEdge}/e{EvalBatch}x{EvalEdge}/{PrecisionNames.Name(Precision)}");

    public static NumericsSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 4 || !parts[1].StartsWith('b') || !parts[2].StartsWith('e'))
            throw new FormatException($"numerics spec '{text}' is not FILTERS/bBATCHxEDGE/eBATCHxEDGE/PRECISION");
        int[] filters = parts[0].Split(',').Select(ParsePositive).ToArray();
        var (trainBatch, trainEdge) = Pair(parts[1][1..]);
        var (evalBatch, evalEdge) = Pair(parts[2][1..]);
        return new NumericsSpec(filters, trainBatch, trainEdge, evalBatch, evalEdge, PrecisionNames.Parse(parts[3]));

        (int, int) Pair(string p)
        {
            string[] xy = p.Split('x');
            if (xy.Length != 2) throw new FormatException($"numerics spec '{text}': '{p}' is not BATCHxEDGE");
            return (ParsePositive(xy[0]), ParsePositive(xy[1]));
        }

        int ParsePositive(string n) => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0
            ? v
            : throw new FormatException($"numerics spec '{text}': '{n}' is not a positive whole number");
    }

    public bool Equals(NumericsSpec? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
