using MolForge.Chem.Formats;
using MolForge.QChem;

namespace MolForge.Application.QuantumChemistry;

/// <summary>Atoms and Cartesian coordinates (Å) of the first record of an .xyz or .sdf (MDL V2000/V3000) file, read
/// by MolForge.Chem's format readers without sanitisation: quantum chemistry needs the atoms exactly as given
/// (explicit hydrogens kept, no valence model imposed), and the total charge from the charge fields.</summary>
internal static class GeometryReader
{
    public sealed record Geometry(int[] AtomicNumbers, double[] CoordinatesAngstrom, int FormalCharge, string Title);

    /// <exception cref="QChemInputException">Malformed file; the message names the line.</exception>
    public static Geometry ReadXyz(TextReader reader) => FromFirstRecord(XyzFormat.Read(reader), "xyz");

    /// <exception cref="QChemInputException">Malformed file or no 3D coordinates; the message names the line.</exception>
    public static Geometry ReadSdf(TextReader reader) =>
        FromFirstRecord(new SdfReader(reader) { Sanitize = false, RemoveHydrogens = false }.ReadAll(), "sdf");

    private static Geometry FromFirstRecord(IEnumerable<MoleculeRecord> records, string format)
    {
        var record = records.FirstOrDefault() ?? throw new QChemInputException($"{format}: the file is empty");
        if (record.Molecule is not { } molecule) throw new QChemInputException($"{format} {record.Error}");
        var n = molecule.AtomCount;
        if (n == 0) throw new QChemInputException($"{format}: the first record has no atoms");
        var conformer = molecule.Conformer;
        if (conformer is null && n > 1) throw new QChemInputException($"{format}: all coordinates are zero (no 3D geometry)");
        var z = new int[n];
        var xyz = new double[3 * n];
        var charge = 0;
        for (var i = 0; i < n; i++)
        {
            var atom = molecule.Atoms[i];
            z[i] = atom.AtomicNumber;
            charge += atom.FormalCharge;
            if (conformer is null) continue;
            var p = conformer[i];
            xyz[3 * i] = p.X;
            xyz[3 * i + 1] = p.Y;
            xyz[3 * i + 2] = p.Z;
        }
        return new Geometry(z, xyz, charge, molecule.Name);
    }
}
