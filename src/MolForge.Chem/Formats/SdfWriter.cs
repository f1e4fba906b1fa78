using System.Globalization;
using System.Text;
using MolForge.Chem.Core;
using MolForge.Chem.Sanitization;

namespace MolForge.Chem.Formats;

/// <summary>Writes SD files in MDL V2000 form: title (the molecule's name), program line with the 2D/3D flag,
/// counts, atoms (zero coordinates when the molecule has none), Kekulé bonds, <c>M  CHG</c>/<c>M  ISO</c>/<c>M  RAD</c>,
/// <c>M  END</c>, data items from <see cref="Molecule.Properties"/> and <c>$$$$</c>. Tetrahedral stereo is carried by 3D
/// coordinates only (no wedges are drawn).</summary>
public static class SdfWriter
{
    /// <summary>Writes one record.</summary>
    public static void Write(TextWriter writer, Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(molecule);
        writer.Write(ToMolBlock(molecule));
        foreach (var (key, value) in molecule.Properties)
        {
            writer.Write(">  <");
            writer.Write(key);
            writer.Write(">\n");
            writer.Write(value);
            writer.Write("\n\n");
        }
        writer.Write("$$$$\n");
    }

    /// <summary>The V2000 molfile text (through <c>M  END</c>).</summary>
    public static string ToMolBlock(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var n = molecule.AtomCount;
        if (n > 999 || molecule.BondCount > 999) throw new ArgumentException("V2000 holds at most 999 atoms and 999 bonds.", nameof(molecule));
        var conf = molecule.Conformer;
        sb.Append(molecule.Name.Replace('\n', ' ')).Append('\n');
        sb.Append("     MolForge").Append(conf is { Is3D: true } ? "3D" : "2D").Append('\n');
        sb.Append('\n');
        sb.Append(inv, $"{n,3}{molecule.BondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        var orders = KekuleOrders(molecule);
        for (var i = 0; i < n; i++)
        {
            var a = molecule.GetAtom(i);
            var p = conf is null ? default : conf[i];
            var chg = a.FormalCharge switch { 3 => 1, 2 => 2, 1 => 3, -1 => 5, -2 => 6, -3 => 7, _ => 0 };
            var symbol = a.AtomicNumber == 0 ? "*" : a.Symbol;
            sb.Append(inv, $"{p.X,10:F4}{p.Y,10:F4}{p.Z,10:F4} {symbol,-3} 0{chg,3}  0  0  0  0  0  0  0  0  0  0\n");
        }
        for (var b = 0; b < molecule.BondCount; b++)
        {
            var bd = molecule.GetBond(b);
            var type = orders[b] switch { BondOrder.Double => 2, BondOrder.Triple => 3, BondOrder.Aromatic => 4, BondOrder.Zero => 8, _ => 1 };
            var stereo = bd.Stereo == BondStereo.Any && orders[b] == BondOrder.Double ? 3 : 0;
            sb.Append(inv, $"{bd.Begin + 1,3}{bd.End + 1,3}{type,3}{stereo,3}\n");
        }
        AppendProperty(sb, molecule, "CHG", a => a.FormalCharge, v => v != 0);
        AppendProperty(sb, molecule, "ISO", a => a.Isotope, v => v != 0);
        AppendProperty(sb, molecule, "RAD", a => a.RadicalElectrons switch { 1 => 2, 2 => 3, _ => 0 }, v => v != 0);
        sb.Append("M  END\n");
        return sb.ToString();
    }

    private static void AppendProperty(StringBuilder sb, Molecule m, string kind, Func<Atom, int> value, Func<int, bool> include)
    {
        var items = new List<(int Atom, int Value)>();
        for (var i = 0; i < m.AtomCount; i++)
        {
            var v = value(m.GetAtom(i));
            if (include(v)) items.Add((i + 1, v));
        }
        for (var s = 0; s < items.Count; s += 8)
        {
            var count = Math.Min(8, items.Count - s);
            sb.Append(CultureInfo.InvariantCulture, $"M  {kind}{count,3}");
            for (var k = s; k < s + count; k++) sb.Append(CultureInfo.InvariantCulture, $" {items[k].Atom,3} {items[k].Value,3}");
            sb.Append('\n');
        }
    }

    private static BondOrder[] KekuleOrders(Molecule m)
    {
        var orders = new BondOrder[m.BondCount];
        var any = false;
        for (var b = 0; b < orders.Length; b++)
        {
            orders[b] = m.GetBond(b).Order;
            any |= orders[b] == BondOrder.Aromatic;
        }
        if (!any) return orders;
        try
        {
            var g = new MolGraph(m);
            g.BuildAdjacency();
            var implicitH = new int[g.AtomCount];
            for (var i = 0; i < g.AtomCount; i++)
            {
                ValenceModel.CalcExplicitValence(g, i, false);
                implicitH[i] = g.Atoms[i].ImplicitHydrogens;
            }
            Kekulizer.Kekulize(g, m.RingInfo, implicitH);
            for (var b = 0; b < orders.Length; b++) orders[b] = g.Bonds[b].Order;
        }
        catch (SanitizationException)
        {
            // Keep aromatic bond type 4 when no Kekulé form exists.
        }
        return orders;
    }
}
