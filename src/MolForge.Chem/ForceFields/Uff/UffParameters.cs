using System.Globalization;
using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Uff;

/// <summary>UFF atomic parameters of one atom type (Rappé et al., J. Am. Chem. Soc. 1992, 114, 10024, Table 1):
/// bond radius r1 (Å), natural angle θ0 (degrees), vdW distance x1 (Å) and well depth D1 (kcal/mol), zeta,
/// effective charge Z1, sp3 torsional barrier V1, sp2 torsional constant U1, GMP electronegativity Xi.</summary>
internal sealed record UffAtomParameters(string Label, double R1, double Theta0, double X1, double D1, double Zeta, double Z1, double V1, double U1, double Xi);

/// <summary>The UFF parameter table (data/chem/uff/UFF.prm, Open Babel 3.1.1's copy of RDKit's table).</summary>
internal static class UffParameters
{
    private static readonly Lazy<Dictionary<string, UffAtomParameters>> Table = new(Load);

    public static UffAtomParameters? Get(string label) => Table.Value.TryGetValue(label, out var p) ? p : null;

    private static Dictionary<string, UffAtomParameters> Load()
    {
        var d = new Dictionary<string, UffAtomParameters>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadLines("uff.UFF.prm"))
        {
            if (!line.StartsWith("param", StringComparison.Ordinal)) continue;
            var t = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (t.Length < 11) continue;
            double P(int i) => double.Parse(t[i], CultureInfo.InvariantCulture);
            d[t[1]] = new UffAtomParameters(t[1], P(2), P(3), P(4), P(5), P(6), P(7), P(8), P(9), P(10));
        }
        return d;
    }
}
