using MLPerfDotnet.Harness.Failures;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Fault handling for a multi-rank job. A rank that throws (or fails) while the others wait in a collective would
/// leave them blocked forever; instead the failing rank prints the error to stderr, prefixed with its rank, and calls
/// MPI_Abort, which makes Hydra kill every rank, so mpiexec exits non-zero within seconds. A rank killed by a signal
/// is caught by Hydra itself ("BAD TERMINATION"), which also ends the job.
/// </summary>
public static class RankGuard
{
    /// <summary>Exit code of a rank that threw (EX_SOFTWARE).</summary>
    public const int FailureExitCode = 70;

    private static ICommunicator? _current;
    private static int _handlerInstalled;

    /// <summary>
    /// Runs <paramref name="body"/>. An exception, or a non-zero result in a multi-rank job, ends the whole job
    /// through <see cref="ICommunicator.Abort"/>. Also aborts on exceptions escaping other threads.
    /// </summary>
    public static int Run(ICommunicator comm, Func<int> body)
    {
        _current = comm;
        if (Interlocked.Exchange(ref _handlerInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            {
                if (_current is { } c) Fail(c, e.ExceptionObject as Exception);
            };
        }
        int code;
        try
        {
            code = body();
        }
        catch (Exception) when (comm.Size == 1)
        {
            throw; // one process: the program boundary reports it
        }
        catch (Exception e)
        {
            Fail(comm, e);
            return FailureExitCode;
        }
        if (code != 0 && comm.Size > 1)
        {
            Console.Error.WriteLine($"rank {comm.Rank}/{comm.Size}: exiting with code {code}; aborting the job");
            comm.Abort(code);
        }
        return code;
    }

    private static void Fail(ICommunicator comm, Exception? e)
    {
        string line = e is null ? "error: unknown failure" : FailureReport.LineOf(e);
        string ending = comm.Size > 1 ? "; calling MPI_Abort to end every rank" : "";
        Console.Error.WriteLine($"rank {comm.Rank}/{comm.Size}: {line}{ending}");
        if (e is not null && FailureReport.Verbose) Console.Error.WriteLine(e);
        comm.Abort(e is null ? FailureExitCode : (int)FailureReport.CodeOf(e));
    }
}
