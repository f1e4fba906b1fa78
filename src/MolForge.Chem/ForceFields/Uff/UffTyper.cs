using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Uff;

/// <summary>Hybridisation as RDKit assigns it (ConjugHybrid.cpp), which UFF typing and term selection use.</summary>
internal enum UffHybridization { Unspecified, S, Sp, Sp2, Sp3, Sp3d, Sp3d2 }

/// <summary>Thrown when UFF has no parameters for an atom (element, hybridisation and charge state).</summary>
public sealed class UffTypingException(string message) : Exception(message);

/// <summary>UFF atom typing as RDKit's UFF AtomTyper: the label is the element symbol (padded with '_'), a
/// hybridisation digit ('R' for sp2 C/N/O/S that is aromatic or has a conjugated bond) and an oxidation-state
/// suffix for elements that need one. Hybridisation and bond conjugation follow RDKit's perception.</summary>
internal sealed class UffTyper
{
    public Molecule Molecule { get; }
    public double[] BondOrder { get; }
    public bool[] Conjugated { get; }
    public UffHybridization[] Hybridization { get; }
    public string[] Labels { get; }

    public UffTyper(Molecule m)
    {
        Molecule = m;
        var n = m.AtomCount;
        BondOrder = new double[m.BondCount];
        Conjugated = new bool[m.BondCount];
        for (var b = 0; b < m.BondCount; b++)
        {
            var bond = m.GetBond(b);
            BondOrder[b] = bond.IsAromatic || bond.Order == Core.BondOrder.Aromatic ? 1.5 : bond.Order switch
            {
                Core.BondOrder.Single => 1.0,
                Core.BondOrder.Double => 2.0,
                Core.BondOrder.Triple => 3.0,
                Core.BondOrder.Zero => 0.0,
                _ => 1.0,
            };
            Conjugated[b] = BondOrder[b] == 1.5;
        }
        // RDKit setConjugation: around each conjugation candidate with 2-3 substituents, a bond of order >= 1.5
        // and any other bond to a candidate with at most 3 substituents are conjugated.
        for (var a = 0; a < n; a++)
        {
            if (!ConjugationCandidate(a)) continue;
            var sbo = TotalDegree(a);
            if (sbo < 2 || sbo > 3) continue;
            var bonds = m.BondsOf(a);
            foreach (var b1 in bonds)
            {
                if (BondOrder[b1] < 1.5) continue;
                foreach (var b2 in bonds)
                {
                    if (b1 == b2) continue;
                    var a2 = m.GetBond(b2).OtherAtom(a);
                    if (TotalDegree(a2) > 3) continue;
                    if (ConjugationCandidate(a2))
                    {
                        Conjugated[b1] = true;
                        Conjugated[b2] = true;
                    }
                }
            }
        }
        Hybridization = new UffHybridization[n];
        for (var a = 0; a < n; a++) Hybridization[a] = Hybridize(a);
        Labels = new string[n];
        for (var a = 0; a < n; a++) Labels[a] = Label(a);
    }

    private int TotalDegree(int a) => Molecule.Degree(a) + Molecule.GetAtom(a).TotalHydrogensOnAtom;

    private double Valence(int a)
    {
        var v = (double)Molecule.GetAtom(a).TotalHydrogensOnAtom;
        foreach (var b in Molecule.BondsOf(a)) v += BondOrder[b];
        return v;
    }

    /// <summary>Total valence with aromatic bonds counted as RDKit does after sanitisation (rounded).</summary>
    private int TotalValence(int a)
    {
        var accum = Valence(a);
        var z = Molecule.GetAtom(a).AtomicNumber;
        var dv = DefaultValence(z);
        if (dv > 0 && accum > dv + 1e-6 && HasAromaticBond(a))
        {
            // RDKit: an aromatic atom over its default valence takes the largest allowed valence not above the sum.
            var best = -1;
            foreach (var v in Elements.Valences(z))
                if (v - Molecule.GetAtom(a).FormalCharge <= accum + 1e-6 && v > best) best = v;
            if (best > 0) return best;
        }
        return (int)Math.Round(accum, MidpointRounding.AwayFromZero);
    }

    public bool HasConjugatedBond(int a)
    {
        foreach (var b in Molecule.BondsOf(a))
            if (Conjugated[b]) return true;
        return false;
    }

    private static int DefaultValence(int z)
    {
        var v = Elements.Valences(z);
        return v.Count == 0 ? -1 : v[0];
    }

    /// <summary>RDKit countAtomElec: electrons the atom can give to a pi system (-1 when none possible).</summary>
    private int CountAtomElec(int a)
    {
        var atom = Molecule.GetAtom(a);
        var dv = DefaultValence(atom.AtomicNumber);
        if (dv <= 1) return -1;
        var degree = TotalDegree(a);
        if (degree > 3) return -1;
        var nlp = Math.Max(Elements.OuterElectrons(atom.AtomicNumber) - dv - atom.FormalCharge, 0);
        var res = dv - degree + nlp - atom.RadicalElectrons;
        if (res > 1)
        {
            var unsat = TotalValence(a) - atom.TotalHydrogensOnAtom - Molecule.Degree(a);
            if (unsat > 1) res = 1;
        }
        return res;
    }

    private bool ConjugationCandidate(int a)
    {
        var z = Molecule.GetAtom(a).AtomicNumber;
        var nouter = Elements.OuterElectrons(z);
        return (z <= 10 || (nouter != 5 && nouter != 6) || (nouter == 6 && TotalDegree(a) < 2)) && CountAtomElec(a) > 0;
    }

    private UffHybridization Hybridize(int a)
    {
        var atom = Molecule.GetAtom(a);
        var deg = TotalDegree(a);
        int norbs;
        if (atom.AtomicNumber <= 1) norbs = deg;
        else
        {
            var nouter = Elements.OuterElectrons(atom.AtomicNumber);
            var tv = TotalValence(a);
            var chg = atom.FormalCharge;
            var free = nouter - (tv + chg);
            norbs = tv + nouter - chg < 8 ? deg + ((free - atom.RadicalElectrons) / 2) + atom.RadicalElectrons : deg + (free / 2);
        }
        return norbs switch
        {
            0 or 1 => UffHybridization.S,
            2 => UffHybridization.Sp,
            3 => UffHybridization.Sp2,
            4 => deg > 3 || !HasConjugatedBond(a) ? UffHybridization.Sp3 : UffHybridization.Sp2,
            5 => UffHybridization.Sp3d,
            6 => UffHybridization.Sp3d2,
            _ => UffHybridization.Unspecified,
        };
    }

    private string Label(int a)
    {
        var atom = Molecule.GetAtom(a);
        int z = atom.AtomicNumber;
        var key = Elements.Symbol(z);
        if (key.Length == 1) key += "_";
        var nouter = Elements.OuterElectrons(z);
        if (z != 0 && (DefaultValence(z) == -1 || (nouter != 1 && nouter != 7)))
        {
            switch (z)
            {
                case 12 or 13 or 14 or 15 or 50 or 51 or 52 or 81 or 82 or 83 or 84:
                    key += "3";
                    break;
                case 80:
                    key += "1";
                    break;
                default:
                    key += Hybridization[a] switch
                    {
                        UffHybridization.S => "",
                        UffHybridization.Sp => "1",
                        UffHybridization.Sp2 => (atom.IsAromatic || HasAromaticBond(a) || HasConjugatedBond(a)) && z is 6 or 7 or 8 or 16 ? "R" : "2",
                        UffHybridization.Sp3 => "3",
                        UffHybridization.Sp3d => "5",
                        UffHybridization.Sp3d2 => "6",
                        _ => "?",
                    };
                    break;
            }
        }
        var tv = TotalValence(a);
        int fc = atom.FormalCharge;
        string Suffix(params (int Valence, string Tag)[] options)
        {
            foreach (var (v, tag) in options)
                if (tv == v) return tag;
            return "?";
        }
        key += z switch
        {
            29 or 47 => tv == 1 || fc == 1 ? "+1" : "?",
            4 or 20 or 25 or 26 or 28 or 46 or 78 => tv == 2 || fc == 2 ? "+2" : "?",
            21 or 24 or 27 or 79 or 89 or (>= 96 and <= 103) => tv == 3 || fc == 3 ? "+3" : "?",
            2 or 18 or 22 or 36 or 54 or (>= 90 and <= 95) => tv == 4 || fc == 4 ? "+4" : "?",
            23 or 41 or 43 or 73 => tv == 5 || fc == 5 ? "+5" : "?",
            42 => tv == 6 || fc == 6 ? "+6" : "?",
            12 or 30 or 34 or 48 or 52 or 80 or 84 => Suffix((2, "+2")),
            15 => Suffix((3, "+3"), (5, "+5")),
            16 => Hybridization[a] == UffHybridization.Sp2 ? "" : Suffix((2, "+2"), (4, "+4"), (6, "+6")),
            31 or 33 or 49 or 51 or 81 or 82 or 83 => Suffix((3, "+3")),
            >= 57 and <= 71 => Suffix((6, "+3")),
            _ => "",
        };
        return key;
    }

    private bool HasAromaticBond(int a)
    {
        foreach (var b in Molecule.BondsOf(a))
            if (BondOrder[b] == 1.5) return true;
        return false;
    }
}
