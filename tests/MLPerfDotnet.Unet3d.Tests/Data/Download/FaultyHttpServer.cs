using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;



/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) over a raw TcpListener, so it can misbehave on
/// purpose: error statuses, a reset or a clean close mid-body (with the full Content-Length announced), a
/// stall. It honours <c>Range: bytes=N-</c>. One request per connection (Connection: close).
/// </summary>
public sealed class FaultyHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly Task _acceptLoop;

    public FaultyHttpServer()
    {
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Called with the path of every request before it is answered (for invariant checks).</summary>
    public Action<string>? OnRequest { get; set; }

    public void Serve(string path, byte[] content) => _files[path] = content;

    public void Inject(string path, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        foreach (var f in faults) queue.Enqueue(f);
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(string path) => [.. Requests.Where(r => r.Path == path)];

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _handlers.Add(Task.Run(() => HandleAsync(client)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (path, rangeStart) = await ReadRequestAsync(stream);
                Requests.Enqueue(new RecordedRequest(path, rangeStart));
                OnRequest?.Invoke(path);
                Fault? fault = _faults.TryGetValue(path, out var q) && q.TryDequeue(out var f) ? f : null;
                await RespondAsync(client, stream, path, rangeStart, fault);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away or the server stops
            }
        }
    }

    private async Task RespondAsync(TcpClient client, NetworkStream stream, string path, long? rangeStart, Fault? fault)
    {
        if (fault?.Kind == FaultKind.Status)
        {
            string extra = fault.RetryAfterSeconds >= 0 ? $"Retry-After: {fault.RetryAfterSeconds}\r\n" : "";
            await WriteHeadAsync(stream, $"{fault.Status} Injected", $"Content-Length: 0\r\n{extra}");
            return;
        }
        if (!_files.TryGetValue(path, out byte[]? content))
        {
            await WriteHeadAsync(stream, "404 Not Found", "Content-Length: 0\r\n");
            return;
        }
        long start = fault?.Kind == FaultKind.IgnoreRange ? 0 : rangeStart ?? 0;
        if (start >= content.Length && rangeStart is not null && fault?.Kind != FaultKind.IgnoreRange)
        {
            await WriteHeadAsync(stream, "416 Range Not Satisfiable", $"Content-Range: bytes */{content.Length}\r\nContent-Length: 0\r\n");
            return;
        }
        long length = content.Length - start;
        if (fault?.Kind == FaultKind.ShortRange)
        {
            // a well-formed 206 that covers only part of what was asked (some CDNs cap range sizes)
            int n = (int)Math.Min(fault.Bytes, length);
            await WriteHeadAsync(stream, "206 Partial Content",
                $"Content-Length: {n}\r\nContent-Range: bytes {start}-{start + n - 1}/{content.Length}\r\n");
            await stream.WriteAsync(content.AsMemory((int)start, n), _stop.Token);
            return;
        }
        string head = start > 0 || (rangeStart is not null && fault?.Kind != FaultKind.IgnoreRange)
            ? "206 Partial Content" : "200 OK";
        string range = head.StartsWith("206", StringComparison.Ordinal)
            ? $"Content-Range: bytes {start}-{content.Length - 1}/{content.Length}\r\n" : "";
        await WriteHeadAsync(stream, head, $"Content-Length: {length}\r\n{range}Content-Type: application/octet-stream\r\n");

        int limit = fault is { Kind: FaultKind.ResetAfter or FaultKind.TruncateAfter or FaultKind.StallAfter }
            ? (int)Math.Min(fault.Bytes, length) : (int)length;
        for (int sent = 0; sent < limit; sent += 8192)
            await stream.WriteAsync(content.AsMemory((int)start + sent, Math.Min(8192, limit - sent)), _stop.Token);
        await stream.FlushAsync(_stop.Token);
        switch (fault?.Kind)
        {
            case FaultKind.ResetAfter:
                client.Client.LingerState = new LingerOption(true, 0); // close sends RST
                client.Client.Close();
                break;
            case FaultKind.StallAfter:
                await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
                break;
        }
    }

    private async Task WriteHeadAsync(NetworkStream stream, string status, string headers)
    {
        byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}Connection: close\r\n\r\n");
        await stream.WriteAsync(head, _stop.Token);
    }

    private async Task<(string Path, long? RangeStart)> ReadRequestAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) throw new IOException("request ended early");
            text.Append((char)one[0]);
            if (text.Length > 16_384) throw new IOException("request head too long");
        }
        string[] lines = text.ToString().Split("\r\n");
        string path = lines[0].Split(' ')[1];
        long? rangeStart = null;
        foreach (string line in lines.Skip(1))
        {
            if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
                rangeStart = long.Parse(line["Range: bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture);
        }
        return (path, rangeStart);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_handlers).WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
