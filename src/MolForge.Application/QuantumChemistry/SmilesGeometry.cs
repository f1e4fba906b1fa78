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
        // Same flattening as the scoring pipeline, so `qchem SMILES` and a design run see the same geometry.
        var geometry = MolForge.Application.Scoring.MoleculeScorer.ToQChem(conformer.Molecule);
        var xyz = geometry.Coordinates.Select(c => c * Molecule3D.BohrInAngstrom).ToArray();
        return new GeometryReader.Geometry(geometry.AtomicNumbers, xyz, geometry.Charge, smiles);
    }
}
