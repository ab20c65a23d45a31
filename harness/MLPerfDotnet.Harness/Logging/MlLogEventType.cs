namespace MLPerfDotnet.Harness.Logging;

/// <summary>The three event types of mlperf_logging, with their wire names.</summary>
public enum MlLogEventType
{
    IntervalStart,
    IntervalEnd,
    PointInTime,
}
