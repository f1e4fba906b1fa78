using System.Globalization;
using MolForge.QChem.Basis;
using MolForge.QChem.Scf;

namespace MolForge.QChem.IO;

/// <summary>Writes geometry, basis and RHF orbitals in the Molden format (Schaftenaar &amp; Noordik, J. Comput.-Aided
/// Mol. Des. 14, 123 (2000)) for viewers. Cartesian functions (no [5D] keyword) in Molden's component order
/// (d: xx yy zz xy xz yz; f: xxx yyy zzz xyy xxy xxz xzz yzz yyz xyz); contraction coefficients are for
/// normalised primitives; MO coefficients refer to Cartesian functions that all carry the x^L normalisation
/// (Psi4's convention).</summary>
public static class MoldenWriter
{
    /// <summary>Molden's order of Cartesian components (lx, ly, lz) for L = 0..3.</summary>
    public static readonly (int X, int Y, int Z)[][] ComponentOrder =
    [
        [(0, 0, 0)],
        [(1, 0, 0), (0, 1, 0), (0, 0, 1)],
        [(2, 0, 0), (0, 2, 0), (0, 0, 2), (1, 1, 0), (1, 0, 1), (0, 1, 1)],
        [(3, 0, 0), (0, 3, 0), (0, 0, 3), (1, 2, 0), (2, 1, 0), (2, 0, 1), (1, 0, 2), (0, 1, 2), (0, 2, 1), (1, 1, 1)],
    ];

    /// <summary>Writes the file.</summary>
    /// <exception cref="NotSupportedException">Shells beyond f.</exception>
    public static void Write(TextWriter w, ScfResult scf, string title = "")
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(scf);
        var ci = CultureInfo.InvariantCulture;
        var mol = scf.Molecule;
        var basis = scf.Basis;
        w.WriteLine("[Molden Format]");
        w.WriteLine("[Title]");
        w.WriteLine(title);
        w.WriteLine("[Atoms] AU");
        for (var a = 0; a < mol.AtomCount; a++)
            w.WriteLine(string.Create(ci, $"{ElementTable.Symbol(mol.AtomicNumbers[a]),-2} {a + 1,5} {mol.AtomicNumbers[a],3} {mol.Coordinates[3 * a],20:F12} {mol.Coordinates[3 * a + 1],20:F12} {mol.Coordinates[3 * a + 2],20:F12}"));
        w.WriteLine("[GTO]");
        for (var a = 0; a < mol.AtomCount; a++)
        {
            w.WriteLine(string.Create(ci, $"{a + 1,5} 0"));
            foreach (var s in basis.Shells.Where(s => s.Atom == a))
            {
                if (s.L > 3) throw new NotSupportedException("Molden output supports s, p, d and f shells");
                w.WriteLine(string.Create(ci, $" {"spdf"[s.L]} {s.Primitives,4} 1.00"));
                var df = Shell.DoubleFactorial(2 * s.L - 1);
                for (var p = 0; p < s.Primitives; p++)
                {
                    var e = s.Exponents[p];
                    var norm = Math.Sqrt(Math.Pow(2, s.L) * Math.Pow(2 * e, s.L + 1.5) / (Math.Pow(Math.PI, 1.5) * df));
                    w.WriteLine(string.Create(ci, $"{e,22:E14} {s.Coefficients[p] / norm,22:E14}"));
                }
            }
            w.WriteLine();
        }
        w.WriteLine("[MO]");
        var c = scf.Coefficients;
        for (var k = 0; k < c.Cols; k++)
        {
            w.WriteLine(" Sym= A");
            w.WriteLine(string.Create(ci, $" Ene= {scf.OrbitalEnergies[k]:F10}"));
            w.WriteLine(" Spin= Alpha");
            w.WriteLine(string.Create(ci, $" Occup= {(k < scf.OccupiedCount ? 2.0 : 0.0):F6}"));
            var index = 1;
            foreach (var s in basis.Shells)
                foreach (var (x, y, z) in ComponentOrder[s.L])
                {
                    var ours = s.FirstFunction + CartesianOrder.IndexOf(x, y, z);
                    w.WriteLine(string.Create(ci, $"{index++,6} {c[ours, k],22:E14}"));
                }
        }
    }
}
