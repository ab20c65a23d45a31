namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>The reference's intensity step, in float32: clip to [-79, 304], then (x - 101) / 76.9.</summary>
public static class IntensityNormalization
{
    public const float MinClip = -79f;
    public const float MaxClip = 304f;
    public const float Mean = 101f;
    public const float Std = 76.9f;

    public static void Apply(Span<float> image)
    {
        for (int i = 0; i < image.Length; i++)
        {
            float v = image[i];
            v = v < MinClip ? MinClip : v > MaxClip ? MaxClip : v; // np.clip keeps NaN
            image[i] = (v - Mean) / Std;
        }
    }
}
