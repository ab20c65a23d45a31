namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>A preprocessed case: its id (<c>case_XXXXX</c>) and its <c>_x.npy</c> / <c>_y.npy</c> files.</summary>
public sealed record Kits19Case(string Id, string ImagePath, string LabelPath);
