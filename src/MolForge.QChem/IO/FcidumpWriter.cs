using System.Globalization;
using MolForge.QChem.ActiveSpace;

namespace MolForge.QChem.IO;

/// <summary>Writes active-space integrals as FCIDUMP (Knowles &amp; Handy, Comput. Phys. Commun. 54, 75 (1989)):
/// a namelist header, then "value i j k l" lines (1-based) for unique (ij|kl) with i≥j, k≥l, ij≥kl, then
/// one-electron h_ij (i≥j, k=l=0) and the core energy (all indices 0). No point-group symmetry (ORBSYM all 1).</summary>
public static class FcidumpWriter
{
    /// <summary>Writes the file; integrals with |value| below <paramref name="threshold"/> are omitted.</summary>
    public static void Write(TextWriter writer, ActiveSpaceIntegrals ints, double threshold = 1e-14)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ints);
        var n = ints.OrbitalCount;
        var ci = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(ci, $" &FCI NORB={n},NELEC={ints.ElectronCount},MS2=0,"));
        writer.WriteLine("  ORBSYM=" + string.Concat(Enumerable.Repeat("1,", n)));
        writer.WriteLine("  ISYM=1,");
        writer.WriteLine(" &END");
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
                for (var k = 0; k < n; k++)
                    for (var l = 0; l <= k; l++)
                    {
                        if (i * (i + 1) / 2 + j < k * (k + 1) / 2 + l) continue;
                        var v = ints.Eri(i, j, k, l);
                        if (Math.Abs(v) < threshold) continue;
                        Line(writer, v, i + 1, j + 1, k + 1, l + 1);
                    }
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var v = ints.H(i, j);
                if (Math.Abs(v) < threshold) continue;
                Line(writer, v, i + 1, j + 1, 0, 0);
            }
        Line(writer, ints.CoreEnergy, 0, 0, 0, 0);
    }

    private static void Line(TextWriter w, double v, int i, int j, int k, int l) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v,24:E16} {i,4} {j,4} {k,4} {l,4}"));
}
