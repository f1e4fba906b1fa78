using System.Numerics;

namespace MolForge.QChem.Ci;

/// <summary>Occupation strings of k electrons in n orbitals (bit masks, lexical order) and, for each string, its
/// single replacements E_pq|J⟩ = sign·|I⟩ (Knowles &amp; Handy, Chem. Phys. Lett. 111, 315 (1984); Olsen et al.,
/// J. Chem. Phys. 89, 2185 (1988)).</summary>
internal sealed class StringSpace
{
    public StringSpace(int orbitals, int electrons)
    {
        Orbitals = orbitals;
        var list = new List<int>();
        for (var mask = 0; mask < 1 << orbitals; mask++)
            if (BitOperations.PopCount((uint)mask) == electrons) list.Add(mask);
        Strings = [.. list];
        var index = new Dictionary<int, int>();
        for (var i = 0; i < Strings.Length; i++) index[Strings[i]] = i;
        Replacements = new Replacement[Strings.Length][];
        for (var j = 0; j < Strings.Length; j++)
        {
            var s = Strings[j];
            var reps = new List<Replacement>();
            for (var q = 0; q < orbitals; q++)
            {
                if ((s >> q & 1) == 0) continue;
                var without = s & ~(1 << q);
                var signQ = BitOperations.PopCount((uint)(s & ((1 << q) - 1))) % 2 == 0 ? 1 : -1;
                for (var p = 0; p < orbitals; p++)
                {
                    if ((without >> p & 1) == 1) continue;
                    var target = without | 1 << p;
                    var signP = BitOperations.PopCount((uint)(without & ((1 << p) - 1))) % 2 == 0 ? 1 : -1;
                    reps.Add(new Replacement(index[target], p * orbitals + q, signQ * signP));
                }
            }
            Replacements[j] = [.. reps];
        }
    }

    public int Orbitals { get; }
    public int[] Strings { get; }
    /// <summary>For string J: (I, pq = p*n+q, sign) with E_pq|J⟩ = sign|I⟩.</summary>
    public Replacement[][] Replacements { get; }
    public int Count => Strings.Length;

    internal readonly record struct Replacement(int Target, int Pq, int Sign);
}
