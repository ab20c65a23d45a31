using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// One hyperparameter an RCP record fixes: its key in the record's <c>Hyperparams</c> (the MLLOG key the run logs) and
/// the run-config value it is compared with. <see cref="InEpochs"/> marks epoch counts, which the 4.0.0 RCP file writes
/// in samples (1000 epochs as 168000) and the 3.x files in epochs.
/// </summary>
public sealed record RcpHyperparameter(string Key, Func<RunConfig, object> ConfigValue, bool InEpochs = false);
