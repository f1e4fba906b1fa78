using System.Globalization;
using System.Text;
using MolForge.Chem.Core;

namespace MolForge.Chem.Descriptors;

/// <summary>Mass and formula descriptors with RDKit's definitions (Code/GraphMol/Descriptors/MolDescriptors.cpp):
/// average weight (<c>Descriptors.MolWt</c>), monoisotopic mass (<c>ExactMolWt</c>), Hill formula
/// (<c>CalcMolFormula</c>), heavy-atom count.</summary>
public static class MolecularFormula
{
    /// <summary>Electron mass in u (RDKit constants::electronMass).</summary>
    public const double ElectronMass = 0.00054857990946;

    /// <summary>Average molecular weight including hydrogens on atoms; an atom with a stated isotope counts that
    /// isotope's mass.</summary>
    public static double MolWt(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var hWeight = Elements.AtomicWeight(1);
        var sum = 0.0;
        foreach (ref readonly var a in molecule.Atoms)
        {
            sum += AtomMass(a);
            sum += a.TotalHydrogensOnAtom * hWeight;
        }
        return sum;
    }

    /// <summary>Monoisotopic mass: most common isotope of each element (or the stated isotope), hydrogens on
    /// atoms, minus one electron mass per unit of positive charge.</summary>
    public static double ExactMolWt(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var sum = 0.0;
        var hs = 0;
        foreach (ref readonly var a in molecule.Atoms)
        {
            sum += a.Isotope == 0 ? Elements.MonoisotopicMass(a.AtomicNumber) : AtomMass(a);
            sum -= ElectronMass * a.FormalCharge;
            hs += a.TotalHydrogensOnAtom;
        }
        return sum + hs * Elements.MonoisotopicMass(1);
    }

    /// <summary>Number of atoms other than hydrogen (RDKit getNumHeavyAtoms: atomic number &gt; 1).</summary>
    public static int HeavyAtomCount(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var n = 0;
        foreach (ref readonly var a in molecule.Atoms)
            if (a.AtomicNumber > 1) n++;
        return n;
    }

    /// <summary>Hill-order formula as RDKit's CalcMolFormula prints it: C first, then H, then the other
    /// elements alphabetically; isotopes not separated; net charge appended as <c>+</c>, <c>-</c>,
    /// <c>+2</c>…</summary>
    public static string Formula(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var hs = 0;
        var charge = 0;
        foreach (ref readonly var a in molecule.Atoms)
        {
            var sym = Elements.Symbol(a.AtomicNumber);
            counts[sym] = counts.GetValueOrDefault(sym) + 1;
            hs += a.TotalHydrogensOnAtom;
            charge += a.FormalCharge;
        }
        if (hs > 0) counts["H"] = counts.GetValueOrDefault("H") + hs;
        var keys = counts.Keys.ToList();
        keys.Sort(HillCompare);
        var sb = new StringBuilder();
        foreach (var k in keys)
        {
            sb.Append(k);
            if (counts[k] > 1) sb.Append(counts[k].ToString(CultureInfo.InvariantCulture));
        }
        if (charge > 0)
        {
            sb.Append('+');
            if (charge > 1) sb.Append(charge.ToString(CultureInfo.InvariantCulture));
        }
        else if (charge < 0)
        {
            sb.Append('-');
            if (charge < -1) sb.Append((-charge).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static int HillCompare(string x, string y)
    {
        if (x == y) return 0;
        foreach (var first in (ReadOnlySpan<string>)["C", "H", "D", "T"])
        {
            if (x == first) return -1;
            if (y == first) return 1;
        }
        return string.CompareOrdinal(x, y);
    }

    internal static double AtomMass(in Atom a)
    {
        if (a.Isotope != 0 && Elements.IsotopeMass(a.AtomicNumber, a.Isotope) is { } m) return m;
        return Elements.AtomicWeight(a.AtomicNumber);
    }
}
