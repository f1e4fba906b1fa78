using System.Globalization;
using System.Text;
using MolForge.Chem.Core;

namespace MolForge.Chem.Formats;

/// <summary>XYZ files: atom count, comment (used as the name), then <c>symbol x y z</c> in Ångström; several blocks
/// may follow each other. Reading gives atoms and coordinates; with <c>perceiveBonds</c>, single bonds are added
/// between atoms closer than the sum of their covalent radii plus 0.45 Å (the usual connectivity rule; bond orders
/// are not guessed).</summary>
public static class XyzFormat
{
    /// <summary>Reads every block; a malformed block yields an error naming its line and reading goes on after it.</summary>
    public static IEnumerable<MoleculeRecord> Read(TextReader reader, bool perceiveBonds = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long line = 0;
        while (true)
        {
            string? header;
            do
            {
                header = reader.ReadLine();
                line++;
            }
            while (header is not null && header.Trim().Length == 0);
            if (header is null) yield break;
            var start = line;
            if (!int.TryParse(header.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000)
            {
                yield return new MoleculeRecord(start, null, $"line {start.ToString(CultureInfo.InvariantCulture)}: expected an atom count, found '{Trim(header)}'");
                continue;
            }
            var comment = reader.ReadLine();
            line++;
            if (comment is null)
            {
                yield return new MoleculeRecord(start, null, $"line {line.ToString(CultureInfo.InvariantCulture)}: file ends before the comment line");
                yield break;
            }
            var atoms = new Atom[count];
            var pos = new Point3D[count];
            string? error = null;
            var ended = false;
            for (var i = 0; i < count; i++)
            {
                var l = reader.ReadLine();
                line++;
                if (l is null) { error ??= $"line {line.ToString(CultureInfo.InvariantCulture)}: file ends after {i} of {count} atoms"; ended = true; break; }
                if (error is not null) continue;
                var f = l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 4) { error = $"line {line.ToString(CultureInfo.InvariantCulture)}: expected 'symbol x y z'"; continue; }
                var sym = f[0];
                byte? z = int.TryParse(sym, NumberStyles.None, CultureInfo.InvariantCulture, out var zn) && zn <= Elements.MaxAtomicNumber ? (byte)zn
                    : Elements.FromSymbol(sym.Length > 1 ? char.ToUpperInvariant(sym[0]) + sym[1..].ToLowerInvariant() : sym.ToUpperInvariant());
                if (z is null) { error = $"line {line.ToString(CultureInfo.InvariantCulture)}: unknown element '{Trim(sym)}'"; continue; }
                if (!TryReal(f[1], out var x) || !TryReal(f[2], out var y) || !TryReal(f[3], out var zc))
                {
                    error = $"line {line.ToString(CultureInfo.InvariantCulture)}: bad coordinate";
                    continue;
                }
                atoms[i] = new Atom(z.Value, NoImplicit: true);
                pos[i] = new Point3D(x, y, zc);
            }
            if (error is not null)
            {
                yield return new MoleculeRecord(start, null, error);
                if (ended) yield break;
                continue;
            }
            var bonds = perceiveBonds ? PerceiveBonds(atoms, pos) : [];
            yield return new MoleculeRecord(start, new Molecule(atoms, bonds, new Conformer(pos, true), comment.Trim(), null), null);
        }
    }

    /// <summary>Writes one XYZ block (requires coordinates).</summary>
    public static void Write(TextWriter writer, Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(molecule);
        var conf = molecule.Conformer ?? throw new ArgumentException("XYZ needs coordinates; the molecule has none.", nameof(molecule));
        var sb = new StringBuilder();
        sb.Append(molecule.AtomCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(molecule.Name.Replace('\n', ' ')).Append('\n');
        for (var i = 0; i < molecule.AtomCount; i++)
        {
            var p = conf[i];
            var sym = molecule.GetAtom(i).AtomicNumber == 0 ? "X" : molecule.GetAtom(i).Symbol;
            sb.Append(CultureInfo.InvariantCulture, $"{sym,-2} {p.X,14:F8} {p.Y,14:F8} {p.Z,14:F8}\n");
        }
        writer.Write(sb.ToString());
    }

    /// <summary>Single bonds between atoms within covalent radius sum + 0.45 Å.</summary>
    public static Bond[] PerceiveBonds(ReadOnlySpan<Atom> atoms, ReadOnlySpan<Point3D> positions)
    {
        var bonds = new List<Bond>();
        for (var i = 0; i < atoms.Length; i++)
        {
            var ri = Elements.CovalentRadius(atoms[i].AtomicNumber);
            for (var j = i + 1; j < atoms.Length; j++)
            {
                var cut = ri + Elements.CovalentRadius(atoms[j].AtomicNumber) + 0.45;
                var d = positions[i].DistanceTo(positions[j]);
                if (d > 0.01 && d < cut) bonds.Add(new Bond(i, j, BondOrder.Single));
            }
        }
        return [.. bonds];
    }

    private static bool TryReal(string s, out double v) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);

    private static string Trim(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
