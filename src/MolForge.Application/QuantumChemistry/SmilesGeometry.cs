using MolForge.Chem.Conformers;
using MolForge.Chem.Smiles;
using MolForge.QChem;

namespace MolForge.Application.QuantumChemistry;

/// <summary>A geometry for quantum chemistry from a SMILES string: the conformer generator (distance geometry +
/// MMFF94) makes one 3D structure with explicit hydrogens, as the scoring pipeline does.</summary>
internal static class SmilesGeometry
{
    /// <summary>True when <paramref name="input"/> looks like SMILES rather than a file path (no file of that name).</summary>
    public static bool LooksLikeSmiles(string input) =>
        !string.IsNullOrWhiteSpace(input) && !File.Exists(input) && SmilesReader.TryParse(input, out _, out _);

    /// <summary>The 3D geometry of <paramref name="smiles"/> (seeded, deterministic).</summary>
    /// <exception cref="QChemInputException">Invalid SMILES or no conformer could be made; the message says which.</exception>
    public static GeometryReader.Geometry FromSmiles(string smiles, int seed = 42)
    {
        if (!SmilesReader.TryParse(smiles, out var molecule, out var error))
            throw new QChemInputException($"'{smiles}' is neither an .xyz/.sdf file nor valid SMILES: {error}");
        GeneratedConformer conformer;
        try
        {
            conformer = ConformerGenerator.Generate(molecule, new ConformerOptions(Seed: seed))[0];
        }
        catch (ConformerGenerationException ex)
        {
            throw new QChemInputException($"no 3D conformer for '{smiles}': {ex.Message}", ex);
        }
        var m = conformer.Molecule;
        var z = new int[m.AtomCount];
        var xyz = new double[3 * m.AtomCount];
        var charge = 0;
        for (var i = 0; i < m.AtomCount; i++)
        {
            z[i] = m.GetAtom(i).AtomicNumber;
            charge += m.GetAtom(i).FormalCharge;
            var p = m.Conformer![i];
            (xyz[3 * i], xyz[(3 * i) + 1], xyz[(3 * i) + 2]) = (p.X, p.Y, p.Z);
        }
        return new GeometryReader.Geometry(z, xyz, charge, smiles);
    }
}
