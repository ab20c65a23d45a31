// MSBuild task (compiled by RoslynCodeTaskFactory, so netstandard APIs only).
// Marks named symbol-version requirements in an ELF64 little-endian shared object as weak
// (VER_FLG_WEAK in the Vernaux record of .gnu.version_r), refusing any version that a relocated
// symbol is bound to. Idempotent; writes a new file and renames it over the target so that a
// hard link into the NuGet cache is never modified in place.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenElfVersionNeed : Task
{
    private const uint ShtRela = 4;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public string Versions { get; set; } = "GLIBCXX_3.4.32";

    public override bool Execute()
    {
        var wanted = new HashSet<string>(Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries));
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] elf = File.ReadAllBytes(path);
                string error;
                List<string> changed = Weaken(elf, wanted, out error);
                if (error != null)
                {
                    Log.LogError("{0}: {1}", path, error);
                    continue;
                }
                if (changed.Count == 0)
                {
                    Log.LogMessage(MessageImportance.Low, "{0}: nothing to weaken", path);
                    continue;
                }
                string tmp = path + ".weakening";
                File.WriteAllBytes(tmp, elf);
                File.Delete(path);
                File.Move(tmp, path);
                Log.LogMessage(MessageImportance.High, "Weakened {0} requirement in {1}", string.Join(", ", changed), path);
            }
            catch (Exception e)
            {
                Log.LogError("{0}: cannot weaken version requirement: {1}", path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static ushort U16(byte[] b, long o) { return (ushort)(b[o] | (b[o + 1] << 8)); }
    private static uint U32(byte[] b, long o) { return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)); }
    private static ulong U64(byte[] b, long o) { return U32(b, o) | ((ulong)U32(b, o + 4) << 32); }

    private static string CString(byte[] b, long o)
    {
        long end = o;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
    }

    /// <summary>Returns the versions it weakened; sets error (and changes nothing) when refused.</summary>
    public static List<string> Weaken(byte[] elf, ICollection<string> wanted, out string error)
    {
        var changed = new List<string>();
        error = null;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            error = "not an ELF file";
            return changed;
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            error = "not a little-endian ELF64 file";
            return changed;
        }
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A);
        int shnum = U16(elf, 0x3C);
        long verneedOff = -1, versymOff = -1;
        uint verneedCount = 0, verneedLink = 0;
        int dynsymIndex = -1;
        var secType = new uint[shnum];
        var secOff = new long[shnum];
        var secSize = new long[shnum];
        var secLink = new uint[shnum];
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            secType[i] = U32(elf, h + 0x04);
            secOff[i] = (long)U64(elf, h + 0x18);
            secSize[i] = (long)U64(elf, h + 0x20);
            secLink[i] = U32(elf, h + 0x28);
            if (secType[i] == ShtGnuVerneed)
            {
                verneedOff = secOff[i];
                verneedLink = secLink[i];
                verneedCount = U32(elf, h + 0x2C);
            }
            else if (secType[i] == ShtGnuVersym) versymOff = secOff[i];
            else if (secType[i] == ShtDynsym) dynsymIndex = i;
        }
        if (verneedOff < 0) return changed;
        long strtab = secOff[verneedLink];

        var targets = new List<KeyValuePair<long, ushort>>(); // (vernaux offset, vna_other)
        var names = new List<string>();
        long vn = verneedOff;
        for (uint i = 0; i < verneedCount; i++)
        {
            ushort cnt = U16(elf, vn + 2);
            string file = CString(elf, strtab + U32(elf, vn + 4));
            long aux = vn + U32(elf, vn + 8);
            for (int j = 0; j < cnt; j++)
            {
                string name = CString(elf, strtab + U32(elf, aux + 8));
                if (wanted.Contains(name) && file.StartsWith("libstdc++", StringComparison.Ordinal))
                {
                    targets.Add(new KeyValuePair<long, ushort>(aux, U16(elf, aux + 6)));
                    names.Add(name);
                }
                uint next = U32(elf, aux + 12);
                if (next == 0) break;
                aux += next;
            }
            uint vnNext = U32(elf, vn + 12);
            if (vnNext == 0) break;
            vn += vnNext;
        }

        // Safety: refuse a version that any relocated dynamic symbol is bound to.
        if (targets.Count > 0 && versymOff >= 0 && dynsymIndex >= 0)
        {
            for (int s = 0; s < shnum; s++)
            {
                if (secType[s] != ShtRela || secLink[s] != dynsymIndex) continue;
                for (long r = secOff[s]; r + 24 <= secOff[s] + secSize[s]; r += 24)
                {
                    ulong sym = U64(elf, r + 8) >> 32;
                    if (sym == 0) continue;
                    ushort ver = (ushort)(U16(elf, versymOff + (long)sym * 2) & 0x7fff);
                    for (int t = 0; t < targets.Count; t++)
                    {
                        if (targets[t].Value == ver)
                        {
                            error = "refusing to weaken " + names[t] + ": relocated symbol #" + sym + " is bound to it";
                            return new List<string>();
                        }
                    }
                }
            }
        }

        for (int t = 0; t < targets.Count; t++)
        {
            long flagsAt = targets[t].Key + 4;
            ushort flags = U16(elf, flagsAt);
            if ((flags & VerFlgWeak) != 0) continue;
            flags |= VerFlgWeak;
            elf[flagsAt] = (byte)(flags & 0xff);
            elf[flagsAt + 1] = (byte)(flags >> 8);
            changed.Add(names[t]);
        }
        return changed;
    }
}
