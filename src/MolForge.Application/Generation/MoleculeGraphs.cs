using System.Text.RegularExpressions;
using MolForge.Chem.Core;
using MolForge.Chem.Smiles;
using MolForge.Generation.Graphs;

namespace MolForge.Application.Generation;

/// <summary>SMILES ↔ generator graph, through the Chem SMILES reader (RDKit-style sanitisation, kekulisation) and
/// writer (canonical SMILES, aromaticity perceived).</summary>
public static partial class MoleculeGraphs
{
    private static readonly SmilesWriterOptions KekuleNoStereo = new() { Kekule = true, IncludeStereo = false, Canonical = false };
    private static readonly SmilesWriterOptions CanonicalNoStereo = new() { IncludeStereo = false };

    /// <summary>Parses any SMILES (aromatic or Kekulé; stereo dropped) into a generator graph.</summary>
    /// <exception cref="FormatException">Not readable, several fragments, or an atom type the generator lacks.</exception>
    public static MolGraph Parse(string smiles)
    {
        var molecule = SmilesReader.Parse(smiles);
        return FromMolecule(molecule);
    }

    /// <summary>The generator graph of a sanitised molecule (its Kekulé form).</summary>
    /// <exception cref="FormatException">Several fragments or an atom type the generator lacks.</exception>
    public static MolGraph FromMolecule(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        return KekuleSmiles.Read(SmilesWriter.Write(molecule, KekuleNoStereo));
    }

    /// <summary>The molecule of a generated graph, read back through the Chem SMILES reader (full sanitisation,
    /// aromaticity perceived), or null when it does not sanitise.</summary>
    public static Molecule? ToMolecule(MolGraph graph, out string? error)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (SmilesReader.TryParse(KekuleSmiles.Write(graph), out var m, out error)) return m;
        return null;
    }

    /// <summary>Canonical SMILES without stereo (aromatic form).</summary>
    public static string Canonical(Molecule molecule) => SmilesWriter.Write(molecule, CanonicalNoStereo);

    /// <summary>Canonical SMILES of a generated graph, or null when it does not sanitise.</summary>
    public static string? ToSmiles(MolGraph graph) => ToMolecule(graph, out _) is { } m ? Canonical(m) : null;

    /// <summary>A SMARTS that matches what a scaffold SMILES means as a substructure (RDKit's
    /// <c>HasSubstructMatch(mol, MolFromSmiles(scaffold))</c>): the same atoms, charges, aromaticity and bonds, with
    /// hydrogen counts left free so substituted positions match.</summary>
    public static string ScaffoldSmarts(Molecule scaffold)
    {
        var smiles = SmilesWriter.Write(scaffold, new SmilesWriterOptions { IncludeStereo = false, Canonical = false });
        return BracketHydrogens().Replace(smiles, m => "[" + m.Groups[1].Value + m.Groups[2].Value + "]");
    }

    [GeneratedRegex(@"\[([A-Za-z][a-z]?)H\d*([^\]]*)\]")]
    private static partial Regex BracketHydrogens();
}
