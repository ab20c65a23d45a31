namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The verdict of <see cref="RcpConfigCheck"/> on one run config. <see cref="Required"/> is false for a config that
/// makes no closed-division result (open division, or generated data); then <see cref="Pass"/> is true.
/// <see cref="Message"/> is one line; <see cref="RcpName"/> names the matching RCP record when there is one.
/// </summary>
public sealed record RcpConfigVerdict(bool Required, bool Pass, string Message, string? RcpName = null);
