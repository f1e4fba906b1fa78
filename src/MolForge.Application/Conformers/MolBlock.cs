using System.Globalization;
using MolForge.Chem.Core;

namespace MolForge.Application.Conformers;

/// <summary>Minimal MDL V2000 molfile writer for 3D conformers (CTfile format, BIOVIA 2020): Kekulé bond
/// orders, charges in "M  CHG", the "3D" dimension code on the header line.</summary>
internal static class MolBlock
{
    public static void Write(TextWriter w, Molecule m, IEnumerable<(string Key, string Value)> data)
    {
        var conf = m.Conformer ?? throw new ArgumentException("The molecule has no coordinates.", nameof(m));
        var ci = CultureInfo.InvariantCulture;
        w.Write(m.Name.Replace('\n', ' '));
        w.Write('\n');
        w.Write("  MolForge          3D\n\n");
        w.Write(string.Format(ci, "{0,3}{1,3}  0  0  0  0  0  0  0  0999 V2000\n", m.AtomCount, m.BondCount));
        for (var i = 0; i < m.AtomCount; i++)
        {
            var p = conf[i];
            var a = m.GetAtom(i);
            w.Write(string.Format(ci, "{0,10:F4}{1,10:F4}{2,10:F4} {3,-3} 0  0  0  0  0  0  0  0  0  0  0  0\n", p.X, p.Y, p.Z, a.Symbol));
        }
        foreach (var b in m.Bonds)
        {
            var order = b.Order switch { BondOrder.Double => 2, BondOrder.Triple => 3, BondOrder.Aromatic => 4, _ => 1 };
            w.Write(string.Format(ci, "{0,3}{1,3}{2,3}  0\n", b.Begin + 1, b.End + 1, order));
        }
        var charged = new List<int>();
        for (var i = 0; i < m.AtomCount; i++)
            if (m.GetAtom(i).FormalCharge != 0) charged.Add(i);
        for (var s = 0; s < charged.Count; s += 8)
        {
            var chunk = charged.Skip(s).Take(8).ToList();
            w.Write(string.Format(ci, "M  CHG{0,3}", chunk.Count));
            foreach (var i in chunk) w.Write(string.Format(ci, "{0,4}{1,4}", i + 1, m.GetAtom(i).FormalCharge));
            w.Write('\n');
        }
        w.Write("M  END\n");
        foreach (var (key, value) in data)
        {
            w.Write(">  <" + key + ">\n");
            w.Write(value + "\n\n");
        }
        w.Write("$$$$\n");
    }
}
