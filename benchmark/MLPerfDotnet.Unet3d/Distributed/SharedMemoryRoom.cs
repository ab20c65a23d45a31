namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Whether a shared window fits. MPICH backs each window with a file in <see cref="Folder"/> (a tmpfs), and touching a
/// page beyond a full tmpfs kills the process with SIGBUS; containers often get only 64 MB there. So the ranks agree
/// on the smallest free space first, and a window that does not fit falls back to MPI_Allreduce.
/// </summary>
public static class SharedMemoryRoom
{
    /// <summary>Where MPICH creates the files behind shared windows.</summary>
    public const string Folder = "/dev/shm";

    /// <summary>
    /// Whether <paramref name="availableBytes"/> (-1: unknown, assumed enough) hold <paramref name="ranks"/> segments of
    /// <paramref name="segmentBytes"/> with a quarter to spare.
    /// </summary>
    public static bool HasRoom(long availableBytes, int ranks, long segmentBytes)
        => availableBytes < 0 || (double)ranks * segmentBytes * 1.25 <= availableBytes;

    /// <summary>Free bytes in <see cref="Folder"/>, or -1 when it does not exist or cannot be read.</summary>
    public static long AvailableBytes()
    {
        try
        {
            return Directory.Exists(Folder) ? new DriveInfo(Folder).AvailableFreeSpace : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    public static string FallbackMessage(long availableBytes, int ranks, long segmentBytes)
        => $"shared-memory allreduce: {Folder} has {availableBytes / 1_000_000} MB free, less than 1.25 x {ranks} x {segmentBytes / 1_000_000} MB " +
            "for a window; this buffer uses MPI_Allreduce instead (give the container a larger /dev/shm, e.g. docker run --shm-size)";
}
