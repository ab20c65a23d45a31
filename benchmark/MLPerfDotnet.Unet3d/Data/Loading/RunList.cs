namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>The runs of one label value, in row order, and their face-connected components.</summary>
internal sealed class RunList
{
    private readonly int[] _rowFirst;
    private readonly int[] _rowCount;
    private readonly List<int> _row = [];
    private readonly List<int> _start = [];
    private readonly List<int> _end = [];

    public RunList(int rows)
    {
        _rowFirst = new int[rows];
        _rowCount = new int[rows];
    }

    public void Add(int row, int start, int end)
    {
        if (_rowCount[row] == 0) _rowFirst[row] = _row.Count;
        _rowCount[row]++;
        _row.Add(row);
        _start.Add(start);
        _end.Add(end);
    }

    /// <summary>Rows are d * h + y; neighbours of a run are overlapping runs in rows r - 1 (same d) and r - h.</summary>
    public ForegroundBox[] LargestBoxes(int h)
    {
        int n = _row.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++)
        {
            int r = _row[i];
            if (r % h != 0) Link(parent, i, r - 1);
            if (r >= h) Link(parent, i, r - h);
        }
        var boxes = new Dictionary<int, (int[] Lo, int[] Hi, int First)>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, i);
            int dd = _row[i] / h, yy = _row[i] % h;
            if (!boxes.TryGetValue(root, out var b))
                b = ([dd, yy, _start[i]], [dd + 1, yy + 1, _end[i]], i);
            b.Lo[0] = Math.Min(b.Lo[0], dd);
            b.Lo[1] = Math.Min(b.Lo[1], yy);
            b.Lo[2] = Math.Min(b.Lo[2], _start[i]);
            b.Hi[0] = Math.Max(b.Hi[0], dd + 1);
            b.Hi[1] = Math.Max(b.Hi[1], yy + 1);
            b.Hi[2] = Math.Max(b.Hi[2], _end[i]);
            boxes[root] = b;
        }
        return [.. boxes.Values
            .Select(b => (Box: new ForegroundBox(b.Lo, b.Hi), b.First))
            .OrderBy(x => x.Box.Volume).ThenBy(x => x.First)
            .TakeLast(2).Select(x => x.Box)];
    }

    private void Link(int[] parent, int i, int otherRow)
    {
        int count = _rowCount[otherRow];
        if (count == 0) return;
        int first = _rowFirst[otherRow];
        for (int j = first; j < first + count; j++)
        {
            if (_start[j] >= _end[i]) break;
            if (_end[j] > _start[i]) Union(parent, i, j);
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
