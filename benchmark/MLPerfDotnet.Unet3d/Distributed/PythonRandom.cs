namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// CPython's <c>random.Random</c> for the calls the reference's seeding uses: MT19937 seeded from a non-negative
/// integer with init_by_array (<c>random.seed(n)</c>), <c>getrandbits</c> and <c>randint(a, b)</c>
/// (rejection sampling on <c>getrandbits(bit_length(b - a + 1))</c>). Same seed, same sequence as Python.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    public PythonRandom(long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ulong s = (ulong)seed;
        var key = s <= uint.MaxValue ? new[] { (uint)s } : new[] { (uint)s, (uint)(s >> 32) };
        InitByArray(key);
    }

    /// <summary>Python's <c>getrandbits(1..32)</c>.</summary>
    public uint NextBits(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        return NextUInt32() >> (32 - bits);
    }

    /// <summary>Python's <c>randint(low, high)</c>, both ends included, for spans up to 2^62.</summary>
    public long RandInt(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        ulong n = (ulong)(high - low) + 1;
        int k = 64 - (int)ulong.LeadingZeroCount(n);
        ulong r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return low + (long)r;
    }

    /// <summary>Python's <c>getrandbits(k)</c> for k up to 64: 32-bit words, least significant first, the last one shifted.</summary>
    public ulong GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        if (k <= 32) return NextUInt32() >> (32 - k);
        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - k);
        return low | (high << 32);
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    private uint NextUInt32()
    {
        if (_index >= N) Twist();
        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int kk = 0; kk < N; kk++)
        {
            uint y = (_mt[kk] & 0x80000000u) | (_mt[(kk + 1) % N] & 0x7fffffffu);
            _mt[kk] = _mt[(kk + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }
        _index = 0;
    }
}
