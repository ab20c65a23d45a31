namespace MLPerfDotnet.Results.Reading;

/// <summary>One <c>eval_accuracy</c> of a run: its <c>epoch_num</c> as logged (samples since 3.1) and the accuracy.</summary>
public readonly record struct EvalPoint(double EpochNum, double Accuracy);
