using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Data.Synthesis;

/// <summary>
/// The shapes and intensities of one synthetic case, in units of half the in-plane field of view (z spans
/// ±<c>zExtent</c>). Later structures paint over earlier ones; tumours last.
/// </summary>
internal sealed class Anatomy
{
    private readonly double _tissue;
    private readonly Ellipsoid _liver;
    private readonly Ellipsoid[] _kidneys;
    private readonly double[] _kidneyHu;
    private readonly List<Ellipsoid> _tumours = [];
    private readonly List<double> _tumourHu = [];

    private Anatomy(SampleRandom rng, double zExtent)
    {
        _tissue = rng.Uniform(20, 50);
        _liver = new Ellipsoid(rng.Uniform(-0.2, 0.4) * zExtent, rng.Uniform(-0.2, 0.0), -rng.Uniform(0.35, 0.5),
            rng.Uniform(0.4, 0.6), rng.Uniform(0.3, 0.4), rng.Uniform(0.25, 0.32));
        _kidneys = new Ellipsoid[2];
        _kidneyHu = new double[2];
        for (int k = 0; k < 2; k++)
        {
            double side = k == 0 ? -1 : 1;
            _kidneys[k] = new Ellipsoid(rng.Uniform(-0.3, 0.3) * zExtent, rng.Uniform(0.15, 0.3), side * rng.Uniform(0.4, 0.5),
                rng.Uniform(0.35, 0.45), rng.Uniform(0.2, 0.26), rng.Uniform(0.15, 0.2));
            _kidneyHu[k] = rng.Uniform(170, 240);
        }
        int first = rng.NextInt(2);
        int tumours = rng.NextDouble() < 0.15 ? 2 : 1;
        for (int t = 0; t < tumours; t++)
        {
            var kidney = _kidneys[(first + t) % 2];
            double theta = rng.Uniform(0, 2 * Math.PI), phi = rng.Uniform(-0.6, 0.6);
            double reach = rng.Uniform(0.6, 0.85);
            double r = rng.Uniform(0.22, 0.32);
            _tumours.Add(new Ellipsoid(
                kidney.Z + reach * kidney.Rz * Math.Sin(phi),
                kidney.Y + reach * kidney.Ry * Math.Cos(phi) * Math.Sin(theta),
                kidney.X + reach * kidney.Rx * Math.Cos(phi) * Math.Cos(theta),
                r * rng.Uniform(0.9, 1.1), r * rng.Uniform(0.9, 1.1), r * rng.Uniform(0.9, 1.1)));
            _tumourHu.Add(rng.Uniform(90, 130));
        }
    }

    public static Anatomy Draw(SampleRandom rng, double zExtent) => new(rng, zExtent);

    public (double Hu, byte Label) At(double z, double y, double x)
    {
        double body = (y / 0.85) * (y / 0.85) + (x / 0.93) * (x / 0.93);
        if (body >= 1) return (-1000, 0);
        for (int t = 0; t < _tumours.Count; t++)
            if (_tumours[t].Contains(z, y, x)) return (_tumourHu[t], 2);
        for (int k = 0; k < 2; k++)
            if (_kidneys[k].Contains(z, y, x)) return (_kidneyHu[k], 1);
        if ((y - 0.55) * (y - 0.55) + x * x < 0.12 * 0.12) return (500, 0);
        if (_liver.Contains(z, y, x)) return (65, 0);
        double inner = (y / 0.76) * (y / 0.76) + (x / 0.84) * (x / 0.84);
        return (inner >= 1 ? -100 : _tissue, 0);
    }

    private readonly record struct Ellipsoid(double Z, double Y, double X, double Rz, double Ry, double Rx)
    {
        public bool Contains(double z, double y, double x)
        {
            double a = (z - Z) / Rz, b = (y - Y) / Ry, c = (x - X) / Rx;
            return a * a + b * b + c * c < 1;
        }
    }
}
