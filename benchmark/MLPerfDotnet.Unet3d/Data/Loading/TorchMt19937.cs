namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// The 32-bit Mersenne Twister of PyTorch's CPU generator (<c>torch.Generator().manual_seed(seed)</c>: state
/// seeded from the low 32 bits of the seed), and <c>torch.randperm(n, generator=g)</c> built on it, so that the
/// epoch shuffles equal the reference's DistributedSampler order.
/// </summary>
public sealed class TorchMt19937
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _next = N;

    public TorchMt19937(ulong seed)
    {
        _state[0] = (uint)(seed & 0xffffffff);
        for (int j = 1; j < N; j++)
            _state[j] = 1812433253u * (_state[j - 1] ^ (_state[j - 1] >> 30)) + (uint)j;
    }

    public uint NextUInt32()
    {
        if (_next >= N) Twist();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    /// <summary>torch.randperm(n) on the CPU: Fisher-Yates with z = random() % (n - i).</summary>
    public static int[] RandPerm(int n, ulong seed)
    {
        var gen = new TorchMt19937(seed);
        var r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        for (int i = 0; i < n - 1; i++)
        {
            int z = (int)(gen.NextUInt32() % (uint)(n - i));
            (r[i], r[z + i]) = (r[z + i], r[i]);
        }
        return r;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_state[i] & 0x80000000u) | (_state[(i + 1) % N] & 0x7fffffffu);
            uint v = _state[(i + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) v ^= 0x9908b0dfu;
            _state[i] = v;
        }
        _next = 0;
    }
}
