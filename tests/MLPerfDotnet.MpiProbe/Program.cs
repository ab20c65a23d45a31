using MLPerfDotnet.MpiProbe;
using MLPerfDotnet.Unet3d.Distributed;

// Usage: MLPerfDotnet.MpiProbe <section> [options], every rank with the same arguments.
// Rank 0 prints "RESULT key=value" lines; the exit code says whether the section's check held.
if (args.Length == 0 || !Sections.All.ContainsKey(args[0]))
{
    Console.Error.WriteLine($"usage: MLPerfDotnet.MpiProbe <{string.Join('|', Sections.All.Keys)}> [--key value ...]");
    return 2;
}
var options = ProbeOptions.Parse(args.Skip(1).ToArray());
TorchSharp.torch.set_num_threads(options.Int("threads", 1));
using var comm = Communicators.Create();
return RankGuard.Run(comm, () => Sections.All[args[0]](comm, options));
