using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// mlperf_logging's <c>start</c>/<c>end</c>/<c>event</c>: metadata begins with the caller's file and line,
/// time_ms comes from <see cref="TimeProvider"/>. Only an enabled logger (rank 0) writes; a sync'd call runs
/// <see cref="Barrier"/> first on every rank, as the reference's <c>_mllog_print(sync=True)</c> does.
/// </summary>
public sealed class MlLogger(IMlLogSink sink, TimeProvider? time = null, bool enabled = true, ILogger? diagnostics = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _diagnostics = diagnostics ?? NullLogger.Instance;

    /// <summary>Namespace written into every line ("" as upstream).</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Cross-rank barrier run before a sync'd line (no-op in a single process).</summary>
    public Action Barrier { get; init; } = static () => { };

    public bool Enabled => enabled;

    public MlLogEvent? Start(string key, object? value = null, IEnumerable<KeyValuePair<string, object?>>? metadata = null,
        bool sync = false, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        => Log(MlLogEventType.IntervalStart, key, value, metadata, sync, file, line);

    public MlLogEvent? End(string key, object? value = null, IEnumerable<KeyValuePair<string, object?>>? metadata = null,
        bool sync = false, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        => Log(MlLogEventType.IntervalEnd, key, value, metadata, sync, file, line);

    public MlLogEvent? Event(string key, object? value = null, IEnumerable<KeyValuePair<string, object?>>? metadata = null,
        bool sync = false, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        => Log(MlLogEventType.PointInTime, key, value, metadata, sync, file, line);

    public MlLogEvent? Log(MlLogEventType type, string key, object? value, IEnumerable<KeyValuePair<string, object?>>? metadata,
        bool sync, string file, int line)
    {
        if (sync) Barrier();
        if (!enabled) return null;
        var meta = new JsonObject { ["file"] = file, ["lineno"] = (long)line };
        if (metadata is not null)
        {
            foreach (var (name, member) in metadata)
            {
                if (name is "file" or "lineno")
                    _diagnostics.LogWarning("Metadata fields overridden: {Field}", name);
                meta[name] = member;
            }
        }
        var e = new MlLogEvent(Namespace, _time.GetUtcNow().ToUnixTimeMilliseconds(), type, key, value, meta);
        sink.WriteLine(e.ToLine());
        return e;
    }

    /// <summary>Shorthand for one metadata pair.</summary>
    public static KeyValuePair<string, object?>[] Meta(string name, object? value) => [new(name, value)];

    /// <summary>Shorthand for two metadata pairs.</summary>
    public static KeyValuePair<string, object?>[] Meta(string name1, object? value1, string name2, object? value2)
        => [new(name1, value1), new(name2, value2)];
}
