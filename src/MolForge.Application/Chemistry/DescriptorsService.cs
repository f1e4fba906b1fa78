using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;

namespace MolForge.Application.Chemistry;

/// <summary>A row of <c>molforge describe</c>: the input and its descriptors (RDKit definitions).</summary>
/// <param name="Line">Input line number.</param>
/// <param name="Smiles">Input SMILES.</param>
/// <param name="Name">Input name.</param>
/// <param name="Descriptors">The descriptors.</param>
public sealed record DescriptorRow(long Line, string Smiles, string Name, DescriptorSet Descriptors);

/// <summary>Computes descriptors for molecules and SMILES files.</summary>
public sealed class DescriptorsService
{
    /// <summary>The column names of <c>molforge describe</c>, in order (docs/CLI contract).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "smiles", "name", "formula", "mol_weight", "exact_mass", "heavy_atoms", "clogp", "tpsa", "hbd", "hba",
        "rotatable_bonds", "rings", "aromatic_rings", "fraction_csp3", "qed",
    ];

    /// <summary>Descriptors of one molecule.</summary>
    public static DescriptorSet Describe(Molecule molecule) => MolecularDescriptors.Compute(molecule);

    /// <summary>Descriptors of every valid line of a SMILES file; invalid lines are passed to
    /// <paramref name="onInvalid"/> (line, reason). Lines are processed in parallel, results come in input
    /// order.</summary>
    public static IEnumerable<DescriptorRow> DescribeLines(TextReader reader, Action<long, string> onInvalid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onInvalid);
        foreach (var (rec, value) in PropsInputRecords.Process(reader, MolecularDescriptors.Compute, cancellationToken))
        {
            if (rec.Error is not null || value is null) onInvalid(rec.Line, rec.Error ?? "invalid molecule");
            else yield return new DescriptorRow(rec.Line, rec.Smiles, rec.Name, value);
        }
    }
}
