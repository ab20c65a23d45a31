using System.Runtime.InteropServices;
using System.Text;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// The MPI-3 calls MPI.NET 1.4 does not wrap (node communicators and shared-memory windows), imported straight from
/// MPICH's <c>libmpich.so.12</c> with its C ABI: MPI_Comm, MPI_Win, MPI_Info and MPI_Errhandler are <c>int</c> handles,
/// MPI_Aint is 64-bit. Every constant below is copied from Debian MPICH 4.0.2's
/// <c>/usr/include/x86_64-linux-gnu/mpich/mpi.h</c>; the prototypes are those of <c>mpi_proto.h</c>.
/// </summary>
internal static unsafe class MpichShared
{
    /// <summary>mpi.h: <c>#define MPI_COMM_WORLD ((MPI_Comm)0x44000000)</c>.</summary>
    public const int CommWorld = 0x44000000;

    /// <summary>mpi.h: <c>#define MPI_COMM_NULL ((MPI_Comm)0x04000000)</c>.</summary>
    public const int CommNull = 0x04000000;

    /// <summary>mpi.h: <c>#define MPI_WIN_NULL ((MPI_Win)0x20000000)</c>.</summary>
    public const int WinNull = 0x20000000;

    /// <summary>mpi.h: <c>#define MPI_INFO_NULL ((MPI_Info)0x1c000000)</c>.</summary>
    public const int InfoNull = 0x1c000000;

    /// <summary>mpi.h: <c>#define MPI_COMM_TYPE_SHARED 1</c>.</summary>
    public const int CommTypeShared = 1;

    /// <summary>mpi.h: <c>#define MPI_MODE_NOCHECK 1024</c>.</summary>
    public const int ModeNoCheck = 1024;

    /// <summary>mpi.h: <c>#define MPI_WIN_MODEL 0x66000009</c> (window attribute key).</summary>
    public const int WinModel = 0x66000009;

    /// <summary>mpi.h: <c>MPI_WIN_UNIFIED = 2</c> (enum MPIR_Win_model).</summary>
    public const int WinUnified = 2;

    /// <summary>mpi.h: <c>#define MPI_ERRORS_RETURN ((MPI_Errhandler)0x54000001)</c>.</summary>
    public const int ErrorsReturn = 0x54000001;

    /// <summary>mpi.h: <c>#define MPI_LONG_LONG MPI_LONG_LONG_INT</c>, <c>((MPI_Datatype)0x4c000809)</c>.</summary>
    public const int LongLong = 0x4c000809;

    /// <summary>mpi.h: <c>#define MPI_MIN (MPI_Op)(0x58000002)</c>.</summary>
    public const int OpMin = 0x58000002;

    /// <summary>mpi.h: <c>#define MPI_MAX_ERROR_STRING 512</c>.</summary>
    public const int MaxErrorString = 512;

    private const string Library = MpichLibrary.SharedObject;

    /// <summary>Throws naming <paramref name="function"/> and MPICH's error string when <paramref name="code"/> is not MPI_SUCCESS (0).</summary>
    public static void Check(int code, string function)
    {
        if (code != 0) throw new MpiException(function, code, ErrorString(code));
    }

    /// <summary>MPI_Error_string, or a placeholder when even that fails.</summary>
    public static string ErrorString(int code)
    {
        var text = stackalloc byte[MaxErrorString + 1];
        int length = 0;
        if (MPI_Error_string(code, text, &length) != 0 || length <= 0) return $"unknown MPI error {code}";
        return Encoding.ASCII.GetString(text, Math.Min(length, MaxErrorString)).TrimEnd('\0', ' ', '\n');
    }

    [DllImport(Library)]
    public static extern int MPI_Comm_split_type(int comm, int splitType, int key, int info, int* newComm);

    [DllImport(Library)]
    public static extern int MPI_Comm_size(int comm, int* size);

    [DllImport(Library)]
    public static extern int MPI_Comm_rank(int comm, int* rank);

    [DllImport(Library)]
    public static extern int MPI_Comm_free(int* comm);

    [DllImport(Library)]
    public static extern int MPI_Comm_set_errhandler(int comm, int errhandler);

    [DllImport(Library)]
    public static extern int MPI_Barrier(int comm);

    [DllImport(Library)]
    public static extern int MPI_Allreduce(void* sendBuffer, void* receiveBuffer, int count, int datatype, int op, int comm);

    [DllImport(Library)]
    public static extern int MPI_Win_allocate_shared(long size, int dispUnit, int info, int comm, void* baseptr, int* win);

    [DllImport(Library)]
    public static extern int MPI_Win_shared_query(int win, int rank, long* size, int* dispUnit, void* baseptr);

    [DllImport(Library)]
    public static extern int MPI_Win_set_errhandler(int win, int errhandler);

    [DllImport(Library)]
    public static extern int MPI_Win_get_attr(int win, int keyval, void* attributeVal, int* flag);

    [DllImport(Library)]
    public static extern int MPI_Win_lock_all(int assertion, int win);

    [DllImport(Library)]
    public static extern int MPI_Win_unlock_all(int win);

    [DllImport(Library)]
    public static extern int MPI_Win_sync(int win);

    [DllImport(Library)]
    public static extern int MPI_Win_free(int* win);

    [DllImport(Library)]
    private static extern int MPI_Error_string(int errorCode, byte* text, int* length);
}
