namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// A minimal compliant closed unet3d log (4.0.0 rules), so that reader and CLI tests run without ../shared.
/// Field order and spacing follow Python's json.dumps.
/// </summary>
public static class SyntheticLog
{
    private const long T0 = 1714043552000;

    public static IReadOnlyList<string> Lines(double accuracy = 0.91)
    {
        var lines = new List<string>();
        long t = T0;
        void Add(string key, string value, string eventType = "POINT_IN_TIME", string metadata = "") =>
            lines.Add($":::MLLOG {{\"namespace\": \"\", \"time_ms\": {t++}, \"event_type\": \"{eventType}\", \"key\": \"{key}\", \"value\": {value}, \"metadata\": {{\"file\": \"main.py\", \"lineno\": 1{metadata}}}}}");
        Add("cache_clear", "true");
        Add("init_start", "null", "INTERVAL_START");
        Add("submission_benchmark", "\"unet3d\"");
        Add("submission_org", "\"MLPerfDotnet\"");
        Add("submission_division", "\"closed\"");
        Add("submission_status", "\"research\"");
        Add("submission_platform", "\"cpu\"");
        Add("seed", "1");
        foreach (var (key, value) in new[]
        {
            ("opt_name", "\"sgd\""), ("opt_base_learning_rate", "2.0"), ("opt_learning_rate_warmup_epochs", "1000"),
            ("opt_learning_rate_decay_boundary_epochs", "[]"), ("opt_learning_rate_decay_factor", "1.0"),
            ("opt_weight_decay", "0.0"), ("opt_momentum", "0.9"), ("oversampling", "0.4"),
            ("training_input_shape", "[128, 128, 128]"), ("validation_input_shape", "[128, 128, 128]"), ("validation_overlap", "0.5"),
        })
        {
            Add(key, value);
        }
        Add("init_stop", "null", "INTERVAL_END");
        Add("run_start", "null", "INTERVAL_START");
        Add("train_samples", "168");
        Add("eval_samples", "42");
        Add("global_batch_size", "2");
        Add("gradient_accumulation_steps", "1");
        Add("block_start", "null", "INTERVAL_START", ", \"first_epoch_num\": 0, \"epoch_count\": 168");
        Add("block_stop", "null", "INTERVAL_END", ", \"first_epoch_num\": 0");
        Add("eval_start", "168", "INTERVAL_START", ", \"epoch_num\": 168");
        Add("eval_accuracy", accuracy.ToString("R", System.Globalization.CultureInfo.InvariantCulture), metadata: ", \"epoch_num\": 168");
        Add("eval_stop", "168", "INTERVAL_END", ", \"epoch_num\": 168");
        Add("run_stop", "null", "INTERVAL_END", ", \"status\": \"success\"");
        return lines;
    }

    public static string Text(double accuracy = 0.91, string newline = "\n") => string.Join(newline, Lines(accuracy)) + newline;
}
