using System.Globalization;
using System.IO.Compression;
using MolForge.Chem.Core;

namespace MolForge.Chem.Tests.ForceFields;

/// <summary>Reads the reference SDF files written by tools/references (V2000, Kekulé bonds, explicit H, charges
/// in M  CHG) into molecules plus their data fields. Test-only: the product SDF reader lives in Formats/.</summary>
internal static class ReferenceSdf
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "References", file);

    public static IEnumerable<(Molecule Molecule, Dictionary<string, string> Data)> Read(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var text = reader.ReadToEnd();
        foreach (var record in text.Split("$$$$\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.IsNullOrWhiteSpace(record)) continue;
            yield return Parse(record);
        }
    }

    public static (Molecule, Dictionary<string, string>) Parse(string record)
    {
        var lines = record.Split('\n');
        var counts = lines[3];
        var nAtoms = int.Parse(counts.AsSpan(0, 3), CultureInfo.InvariantCulture);
        var nBonds = int.Parse(counts.AsSpan(3, 3), CultureInfo.InvariantCulture);
        var builder = new MoleculeBuilder { Name = lines[0].Trim() };
        var positions = new List<Point3D>();
        for (var i = 0; i < nAtoms; i++)
        {
            var l = lines[4 + i];
            double X(int start) => double.Parse(l.AsSpan(start, 10), CultureInfo.InvariantCulture);
            positions.Add(new Point3D(X(0), X(10), X(20)));
            var symbol = l.Substring(31, 3).Trim();
            builder.AddAtom(new Atom(Elements.FromSymbol(symbol) ?? throw new FormatException(symbol), NoImplicit: true));
        }
        for (var i = 0; i < nBonds; i++)
        {
            var l = lines[4 + nAtoms + i];
            var a = int.Parse(l.AsSpan(0, 3), CultureInfo.InvariantCulture) - 1;
            var b = int.Parse(l.AsSpan(3, 3), CultureInfo.InvariantCulture) - 1;
            var order = int.Parse(l.AsSpan(6, 3), CultureInfo.InvariantCulture) switch
            {
                1 => BondOrder.Single,
                2 => BondOrder.Double,
                3 => BondOrder.Triple,
                4 => BondOrder.Aromatic,
                _ => BondOrder.Zero,
            };
            builder.AddBond(a, b, order);
        }
        var data = new Dictionary<string, string>();
        for (var i = 4 + nAtoms + nBonds; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.StartsWith("M  CHG", StringComparison.Ordinal))
            {
                var t = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var k = 3; k + 1 < t.Length; k += 2)
                {
                    var atom = int.Parse(t[k], CultureInfo.InvariantCulture) - 1;
                    builder.SetAtom(atom, builder.GetAtom(atom) with { FormalCharge = sbyte.Parse(t[k + 1], CultureInfo.InvariantCulture) });
                }
            }
            else if (l.StartsWith('>'))
            {
                var start = l.IndexOf('<', StringComparison.Ordinal) + 1;
                var key = l[start..l.IndexOf('>', start)];
                data[key] = lines[i + 1].Trim();
                i++;
            }
        }
        builder.Conformer = new Conformer(positions, true);
        return (builder.ToMolecule(), data);
    }

    public static double[] Coordinates(Molecule m)
    {
        var x = new double[3 * m.AtomCount];
        for (var i = 0; i < m.AtomCount; i++)
        {
            var p = m.Conformer![i];
            x[3 * i] = p.X;
            x[(3 * i) + 1] = p.Y;
            x[(3 * i) + 2] = p.Z;
        }
        return x;
    }

    public static double[] Numbers(string s) =>
        s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
