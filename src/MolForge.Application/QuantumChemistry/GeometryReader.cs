using System.Globalization;
using MolForge.QChem;
using MolForge.QChem.Basis;

namespace MolForge.Application.QuantumChemistry;

/// <summary>Atoms and Cartesian coordinates (Å) read from an .xyz or .sdf (MDL V2000/V3000 molfile, first record).
/// A small private reader until the Chem project's format readers are merged.</summary>
internal static class GeometryReader
{
    public sealed record Geometry(int[] AtomicNumbers, double[] CoordinatesAngstrom, int FormalCharge, string Title);

    /// <exception cref="QChemInputException">Malformed file; the message names the line.</exception>
    public static Geometry ReadXyz(TextReader reader)
    {
        var lines = ReadAll(reader);
        var first = 0;
        while (first < lines.Count && lines[first].Trim().Length == 0) first++;
        if (first >= lines.Count) throw new QChemInputException("xyz: the file is empty");
        if (!int.TryParse(lines[first].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new QChemInputException($"xyz line {first + 1}: expected the atom count, got '{lines[first].Trim()}'");
        if (lines.Count < first + 2 + n) throw new QChemInputException($"xyz: expected {n} atom lines after line {first + 2}, the file ends early");
        var z = new int[n];
        var xyz = new double[3 * n];
        for (var i = 0; i < n; i++)
        {
            var lineNo = first + 3 + i;
            var p = lines[lineNo - 1].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 4) throw new QChemInputException($"xyz line {lineNo}: expected 'Symbol x y z'");
            z[i] = Element(p[0], lineNo, "xyz");
            for (var k = 0; k < 3; k++) xyz[3 * i + k] = Number(p[1 + k], lineNo, "xyz");
        }
        return new Geometry(z, xyz, 0, lines[first + 1].Trim());
    }

    /// <exception cref="QChemInputException">Malformed file; the message names the line.</exception>
    public static Geometry ReadSdf(TextReader reader)
    {
        var lines = ReadAll(reader);
        if (lines.Count < 4) throw new QChemInputException("sdf: fewer than 4 lines, no counts line");
        var counts = lines[3];
        if (counts.Contains("V3000", StringComparison.OrdinalIgnoreCase)) return ReadV3000(lines);
        if (counts.Length < 6 || !int.TryParse(counts.AsSpan(0, 3).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var natoms)
            || !int.TryParse(counts.AsSpan(3, 3).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nbonds))
            throw new QChemInputException("sdf line 4: malformed counts line");
        if (lines.Count < 4 + natoms + nbonds) throw new QChemInputException("sdf: the atom or bond block ends early");
        var z = new int[natoms];
        var xyz = new double[3 * natoms];
        var charge = 0;
        var chargeFromBlock = new int[natoms];
        for (var i = 0; i < natoms; i++)
        {
            var lineNo = 5 + i;
            var l = lines[lineNo - 1];
            if (l.Length < 34) throw new QChemInputException($"sdf line {lineNo}: atom line too short");
            for (var k = 0; k < 3; k++) xyz[3 * i + k] = Number(l.Substring(10 * k, 10), lineNo, "sdf");
            z[i] = Element(l.Substring(31, 3).Trim(), lineNo, "sdf");
            if (l.Length >= 39 && int.TryParse(l.AsSpan(36, 3).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cc) && cc != 0)
                chargeFromBlock[i] = cc == 4 ? 0 : 4 - cc; // 1=+3, 2=+2, 3=+1, 5=-1, 6=-2, 7=-3
        }
        var hasChg = false;
        for (var li = 4 + natoms + nbonds; li < lines.Count; li++)
        {
            var l = lines[li];
            if (l.StartsWith("M  END", StringComparison.Ordinal)) break;
            if (!l.StartsWith("M  CHG", StringComparison.Ordinal)) continue;
            hasChg = true;
            var p = l[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 1; k + 1 < p.Length; k += 2) charge += (int)Number(p[k + 1], li + 1, "sdf");
        }
        if (!hasChg) charge = chargeFromBlock.Sum();
        for (var i = 0; i < 3 * natoms; i++)
            if (xyz[i] != 0) return new Geometry(z, xyz, charge, lines[0].Trim());
        if (natoms > 1) throw new QChemInputException("sdf: all coordinates are zero (no 3D geometry)");
        return new Geometry(z, xyz, charge, lines[0].Trim());
    }

    private static Geometry ReadV3000(List<string> lines)
    {
        var z = new List<int>();
        var xyz = new List<double>();
        var charge = 0;
        var inAtoms = false;
        for (var i = 4; i < lines.Count; i++)
        {
            var l = lines[i].Trim();
            if (l.StartsWith("M  V30 BEGIN ATOM", StringComparison.Ordinal)) { inAtoms = true; continue; }
            if (l.StartsWith("M  V30 END ATOM", StringComparison.Ordinal)) break;
            if (!inAtoms) continue;
            var p = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 7) throw new QChemInputException($"sdf line {i + 1}: malformed V3000 atom line");
            z.Add(Element(p[3], i + 1, "sdf"));
            for (var k = 0; k < 3; k++) xyz.Add(Number(p[4 + k], i + 1, "sdf"));
            foreach (var f in p.Skip(8))
                if (f.StartsWith("CHG=", StringComparison.Ordinal)) charge += (int)Number(f[4..], i + 1, "sdf");
        }
        if (z.Count == 0) throw new QChemInputException("sdf: no V3000 atom block");
        return new Geometry([.. z], [.. xyz], charge, lines[0].Trim());
    }

    private static List<string> ReadAll(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } l)
        {
            if (l.StartsWith("$$$$", StringComparison.Ordinal)) break;
            lines.Add(l);
        }
        return lines;
    }

    private static int Element(string symbol, int line, string format)
    {
        var z = ElementTable.AtomicNumber(symbol);
        if (z == 0 && int.TryParse(symbol, NumberStyles.Integer, CultureInfo.InvariantCulture, out var zz) && zz > 0 && zz <= ElementTable.MaxAtomicNumber) z = zz;
        return z != 0 ? z : throw new QChemInputException($"{format} line {line}: unknown element '{symbol}'");
    }

    private static double Number(string s, int line, string format) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new QChemInputException($"{format} line {line}: bad number '{s.Trim()}'");
}
