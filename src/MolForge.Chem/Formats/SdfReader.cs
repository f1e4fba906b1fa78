using System.Globalization;
using MolForge.Chem.Core;
using MolForge.Chem.Sanitization;

namespace MolForge.Chem.Formats;

/// <summary>Reads SD files (MDL CTfile V2000 and V3000 connection tables, data items, <c>$$$$</c> separators), record
/// by record. Charges, isotopes and radicals come from the atom block and the <c>M  CHG/ISO/RAD</c> lines; stereo
/// from 3D coordinates or 2D wedges; molecules are sanitised as RDKit's MolFromMolBlock does (hydrogen atoms removed
/// unless <see cref="RemoveHydrogens"/> is false). A malformed record yields an error naming the line, and
/// reading continues after its <c>$$$$</c>.</summary>
public sealed class SdfReader
{
    private readonly TextReader _reader;
    private long _line;

    /// <summary>Reads from <paramref name="reader"/>.</summary>
    public SdfReader(TextReader reader) => _reader = reader ?? throw new ArgumentNullException(nameof(reader));

    /// <summary>Remove ordinary hydrogen atoms after sanitisation (default true, as RDKit).</summary>
    public bool RemoveHydrogens { get; init; } = true;

    /// <summary>Sanitise (default true).</summary>
    public bool Sanitize { get; init; } = true;

    /// <summary>All records.</summary>
    public IEnumerable<MoleculeRecord> ReadAll()
    {
        while (true)
        {
            var lines = new List<string>();
            var start = _line + 1;
            string? l;
            var sawAny = false;
            while ((l = _reader.ReadLine()) is not null)
            {
                _line++;
                sawAny = true;
                if (l.StartsWith("$$$$", StringComparison.Ordinal)) break;
                lines.Add(l);
            }
            if (!sawAny) yield break;
            if (lines.Count == 0 || (l is null && lines.TrueForAll(s => s.Trim().Length == 0))) { if (l is null) yield break; continue; }
            MoleculeRecord record;
            try
            {
                record = new MoleculeRecord(start, ParseRecord(lines, start), null);
            }
            catch (MoleculeFormatException ex)
            {
                record = new MoleculeRecord(start, null, $"line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
            }
            catch (SanitizationException ex)
            {
                record = new MoleculeRecord(start, null, ex.Message);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                record = new MoleculeRecord(start, null, $"record at line {start.ToString(CultureInfo.InvariantCulture)}: malformed ({ex.Message})");
            }
            yield return record;
            if (l is null) yield break;
        }
    }

    /// <summary>Parses one molfile (plus data items) given as lines; <paramref name="firstLine"/> numbers them.</summary>
    public Molecule ParseRecord(IReadOnlyList<string> lines, long firstLine)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count < 4) throw new MoleculeFormatException("record has fewer than 4 lines (no counts line)", firstLine + lines.Count);
        var name = lines[0].Trim();
        var is3D = lines[1].Length >= 22 && lines[1].Substring(20, 2) == "3D";
        var counts = lines[3];
        int end;
        Atom[] atoms;
        Bond[] bonds;
        Point3D[] pos;
        sbyte[] wedge;
        bool[] either;
        if (counts.Contains("V3000", StringComparison.Ordinal))
            (atoms, bonds, pos, wedge, either, end) = ParseV3000(lines, firstLine);
        else
            (atoms, bonds, pos, wedge, either, end) = ParseV2000(lines, firstLine);
        var props = new Dictionary<string, string>();
        for (var i = end; i < lines.Count; i++)
        {
            var t = lines[i];
            if (!t.StartsWith('>')) continue;
            var lt = t.IndexOf('<', StringComparison.Ordinal);
            var gt = t.LastIndexOf('>');
            if (lt < 0 || gt <= lt) continue;
            var key = t[(lt + 1)..gt];
            var value = new List<string>();
            i++;
            while (i < lines.Count && lines[i].Length > 0) value.Add(lines[i++]);
            props[key] = string.Join('\n', value);
        }
        var anyCoords = false;
        foreach (var p in pos) if (p.X != 0 || p.Y != 0 || p.Z != 0) { anyCoords = true; break; }
        if (!anyCoords) is3D = false;
        else
        {
            var anyZ = false;
            foreach (var p in pos) if (Math.Abs(p.Z) > 1e-4) { anyZ = true; break; }
            if (anyZ) is3D = true;
        }
        if (anyCoords) StereoFromCoordinates.Assign(atoms, bonds, pos, is3D, wedge, either);
        var raw = new Molecule(atoms, bonds, anyCoords ? new Conformer(pos, is3D) : null, name, props);
        if (!Sanitize) return raw;
        return Sanitizer.Sanitize(raw, RemoveHydrogens);
    }

    private static int Int(string line, int start, int length, long lineNo, string field)
    {
        if (line.Length <= start) return 0;
        var s = line.AsSpan(start, Math.Min(length, line.Length - start)).Trim();
        if (s.Length == 0) return 0;
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            throw new MoleculeFormatException($"bad {field} '{s.ToString()}'", lineNo);
        return v;
    }

    private static double Real(string line, int start, int length, long lineNo, string field)
    {
        if (line.Length <= start) throw new MoleculeFormatException($"missing {field}", lineNo);
        var s = line.AsSpan(start, Math.Min(length, line.Length - start)).Trim();
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new MoleculeFormatException($"bad {field} '{s.ToString()}'", lineNo);
        return v;
    }

    private static byte Element(string symbol, long lineNo)
    {
        if (symbol is "D" or "T") return 1;
        if (symbol is "*" or "R" or "R#" or "A" or "Q" or "L" or "LP") return 0;
        return Elements.FromSymbol(symbol) ?? throw new MoleculeFormatException($"unknown element '{symbol}'", lineNo);
    }

    private static BondOrder Order(int type, long lineNo) => type switch
    {
        1 => BondOrder.Single,
        2 => BondOrder.Double,
        3 => BondOrder.Triple,
        4 => BondOrder.Aromatic,
        8 or 9 or 10 => BondOrder.Zero,
        _ => throw new MoleculeFormatException($"unsupported bond type {type}", lineNo),
    };

    private static (Atom[], Bond[], Point3D[], sbyte[], bool[], int) ParseV2000(IReadOnlyList<string> lines, long first)
    {
        var counts = lines[3];
        var na = Int(counts, 0, 3, first + 3, "atom count");
        var nb = Int(counts, 3, 3, first + 3, "bond count");
        if (na < 0 || nb < 0 || na > 10_000 || nb > 20_000) throw new MoleculeFormatException("atom or bond count out of range", first + 3);
        if (lines.Count < 4 + na + nb) throw new MoleculeFormatException($"record ends before its {na} atoms and {nb} bonds", first + lines.Count);
        var atoms = new Atom[na];
        var pos = new Point3D[na];
        for (var i = 0; i < na; i++)
        {
            var l = lines[4 + i];
            var ln = first + 4 + i;
            pos[i] = new Point3D(Real(l, 0, 10, ln, "x"), Real(l, 10, 10, ln, "y"), Real(l, 20, 10, ln, "z"));
            var symbol = l.Length > 31 ? l.Substring(31, Math.Min(3, l.Length - 31)).Trim() : "";
            var z = Element(symbol, ln);
            var massDiff = Int(l, 34, 2, ln, "mass difference");
            var chg = Int(l, 36, 3, ln, "charge");
            var charge = chg switch { 1 => 3, 2 => 2, 3 => 1, 5 => -1, 6 => -2, 7 => -3, _ => 0 };
            var iso = symbol == "D" ? 2 : symbol == "T" ? 3 : 0;
            if (massDiff != 0 && z > 0) iso = (int)Math.Round(Elements.AtomicWeight(z)) + massDiff;
            atoms[i] = new Atom(z, (sbyte)charge, (ushort)Math.Clamp(iso, 0, 999), RadicalElectrons: (byte)(chg == 4 ? 1 : 0));
        }
        var bonds = new Bond[nb];
        var wedge = new sbyte[nb];
        var either = new bool[nb];
        for (var i = 0; i < nb; i++)
        {
            var l = lines[4 + na + i];
            var ln = first + 4 + na + i;
            var a1 = Int(l, 0, 3, ln, "bond atom") - 1;
            var a2 = Int(l, 3, 3, ln, "bond atom") - 1;
            if ((uint)a1 >= (uint)na || (uint)a2 >= (uint)na || a1 == a2) throw new MoleculeFormatException($"bond refers to atom outside 1..{na}", ln);
            var type = Int(l, 6, 3, ln, "bond type");
            var stereo = Int(l, 9, 3, ln, "bond stereo");
            var order = Order(type, ln);
            bonds[i] = new Bond(a1, a2, order, order == BondOrder.Aromatic);
            wedge[i] = (sbyte)(order == BondOrder.Single ? stereo switch { 1 => 1, 6 => -1, _ => 0 } : 0);
            either[i] = order == BondOrder.Double && stereo == 3;
        }
        CheckDuplicateBonds(bonds, first + 4 + na);
        var k = 4 + na + nb;
        var resetCharges = false;
        for (; k < lines.Count; k++)
        {
            var l = lines[k];
            var ln = first + k;
            if (l.StartsWith("M  END", StringComparison.Ordinal)) { k++; break; }
            if (l.StartsWith('>')) break;
            if (l.StartsWith("M  CHG", StringComparison.Ordinal) || l.StartsWith("M  ISO", StringComparison.Ordinal) || l.StartsWith("M  RAD", StringComparison.Ordinal))
            {
                var kind = l.Substring(3, 3);
                if (kind == "CHG" && !resetCharges)
                {
                    resetCharges = true;
                    for (var a = 0; a < na; a++) atoms[a] = atoms[a] with { FormalCharge = 0 };
                }
                var entries = Int(l, 6, 3, ln, "entry count");
                for (var e = 0; e < entries; e++)
                {
                    var atom = Int(l, 9 + (8 * e), 4, ln, "atom number") - 1;
                    var value = Int(l, 13 + (8 * e), 4, ln, "value");
                    if ((uint)atom >= (uint)na) throw new MoleculeFormatException($"M  {kind} refers to atom outside 1..{na}", ln);
                    atoms[atom] = kind switch
                    {
                        "CHG" => atoms[atom] with { FormalCharge = (sbyte)Math.Clamp(value, -99, 99) },
                        "ISO" => atoms[atom] with { Isotope = (ushort)Math.Clamp(value, 0, 999) },
                        _ => atoms[atom] with { RadicalElectrons = (byte)(value == 2 ? 1 : value is 1 or 3 ? 2 : 0) },
                    };
                }
            }
        }
        return (atoms, bonds, pos, wedge, either, k);
    }

    private static void CheckDuplicateBonds(Bond[] bonds, long ln)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var b in bonds)
            if (!seen.Add((Math.Min(b.Begin, b.End), Math.Max(b.Begin, b.End))))
                throw new MoleculeFormatException($"atoms {b.Begin + 1} and {b.End + 1} are bonded twice", ln);
    }

    private static (Atom[], Bond[], Point3D[], sbyte[], bool[], int) ParseV3000(IReadOnlyList<string> lines, long first)
    {
        // Join continuation lines ("-" at the end) and strip the "M  V30 " prefix.
        var body = new List<(string Text, long Line)>();
        var k = 4;
        var pending = "";
        long pendingLine = 0;
        for (; k < lines.Count; k++)
        {
            var l = lines[k];
            if (l.StartsWith("M  END", StringComparison.Ordinal)) { k++; break; }
            if (!l.StartsWith("M  V30 ", StringComparison.Ordinal)) continue;
            var t = l[7..];
            if (pending.Length == 0) pendingLine = first + k;
            if (t.EndsWith('-')) { pending += t[..^1]; continue; }
            body.Add((pending + t, pendingLine));
            pending = "";
        }
        var atoms = new List<Atom>();
        var pos = new List<Point3D>();
        var ids = new Dictionary<int, int>();
        var bonds = new List<Bond>();
        var wedge = new List<sbyte>();
        var either = new List<bool>();
        var section = "";
        foreach (var (text, ln) in body)
        {
            var f = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f[0] == "BEGIN" && f.Length > 1) { section = f[1]; continue; }
            if (f[0] == "END") { section = ""; continue; }
            if (section == "ATOM")
            {
                if (f.Length < 6) throw new MoleculeFormatException("V3000 atom line needs index, type, x, y, z, map", ln);
                var id = int.Parse(f[0], CultureInfo.InvariantCulture);
                var z = Element(f[1], ln);
                double Coord(string s, string what) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw new MoleculeFormatException($"bad {what} '{s}'", ln);
                pos.Add(new Point3D(Coord(f[2], "x"), Coord(f[3], "y"), Coord(f[4], "z")));
                var atom = new Atom(z, Isotope: (ushort)(f[1] == "D" ? 2 : f[1] == "T" ? 3 : 0));
                for (var j = 6; j < f.Length; j++)
                {
                    var eq = f[j].IndexOf('=', StringComparison.Ordinal);
                    if (eq < 0) continue;
                    var key = f[j][..eq];
                    if (!int.TryParse(f[j].AsSpan(eq + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var val)) continue;
                    atom = key switch
                    {
                        "CHG" => atom with { FormalCharge = (sbyte)Math.Clamp(val, -99, 99) },
                        "MASS" => atom with { Isotope = (ushort)Math.Clamp(val, 0, 999) },
                        "RAD" => atom with { RadicalElectrons = (byte)(val == 2 ? 1 : val is 1 or 3 ? 2 : 0) },
                        _ => atom,
                    };
                }
                if (!ids.TryAdd(id, atoms.Count)) throw new MoleculeFormatException($"atom index {id} used twice", ln);
                atoms.Add(atom);
            }
            else if (section == "BOND")
            {
                if (f.Length < 4) throw new MoleculeFormatException("V3000 bond line needs index, type, atom1, atom2", ln);
                var type = int.Parse(f[1], CultureInfo.InvariantCulture);
                if (!ids.TryGetValue(int.Parse(f[2], CultureInfo.InvariantCulture), out var a1) || !ids.TryGetValue(int.Parse(f[3], CultureInfo.InvariantCulture), out var a2) || a1 == a2)
                    throw new MoleculeFormatException("bond refers to an unknown atom", ln);
                var order = Order(type, ln);
                var cfg = 0;
                foreach (var x in f.AsSpan(4))
                    if (x.StartsWith("CFG=", StringComparison.Ordinal)) int.TryParse(x.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out cfg);
                bonds.Add(new Bond(a1, a2, order, order == BondOrder.Aromatic));
                wedge.Add((sbyte)(order == BondOrder.Single ? cfg switch { 1 => 1, 3 => -1, _ => 0 } : 0));
                either.Add(order == BondOrder.Double && cfg == 2);
            }
        }
        var bondArray = bonds.ToArray();
        CheckDuplicateBonds(bondArray, first + 4);
        return (atoms.ToArray(), bondArray, pos.ToArray(), wedge.ToArray(), either.ToArray(), k);
    }
}
