namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>A case that could not be preprocessed, with the error (which names the file).</summary>
public sealed record CaseFailure(string Case, string Message);
