using MolForge.Generation.Graphs;

namespace MolForge.Application.Generation;

/// <summary>SMILES ↔ generator graph. Until the Chem SMILES reader is merged this reads Kekulé SMILES only.</summary>
public static class MoleculeGraphs
{
    /// <summary>Parses a SMILES into a generator graph.</summary>
    /// <exception cref="FormatException">Not readable or not representable by the generator.</exception>
    public static MolGraph Parse(string smiles) => KekuleSmiles.Read(smiles);

    /// <summary>The SMILES written for a generated graph.</summary>
    public static string ToSmiles(MolGraph graph) => KekuleSmiles.Write(graph);
}
