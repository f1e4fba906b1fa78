using System.Globalization;
using MolForge.Application.Chemistry;
using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.Formats;

namespace MolForge.Application.Conformers;

/// <summary>One input record turned into conformers, or the reason it could not be.</summary>
/// <param name="LineNumber">1-based line of the input record.</param>
/// <param name="Name">The input's name, empty when none.</param>
/// <param name="Conformers">Generated conformers, lowest energy first; empty on error.</param>
/// <param name="Error">Why the record failed, or null.</param>
public sealed record ConformerOutcome(long LineNumber, string Name, IReadOnlyList<GeneratedConformer> Conformers, string? Error);

/// <summary>The `conformer` use case: molecules (SMILES lines with optional names, CSV, SDF, XYZ) to 3D
/// conformers with hydrogens, MMFF94-minimised, in input order; molecules of a batch run in parallel.</summary>
public static class ConformerService
{
    /// <summary>Reads every record of <paramref name="input"/> and yields outcomes in input order.</summary>
    public static IEnumerable<ConformerOutcome> Run(TextReader input, MoleculeFileFormat format, ConformerOptions options, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var batch = new List<MoleculeRecord>(batchSize);
        foreach (var record in MoleculeFiles.Read(input, format))
        {
            batch.Add(record);
            if (batch.Count < batchSize) continue;
            foreach (var o in Process(batch, options)) yield return o;
            batch.Clear();
        }
        foreach (var o in Process(batch, options)) yield return o;
    }

    private static ConformerOutcome[] Process(List<MoleculeRecord> batch, ConformerOptions options)
    {
        var results = new ConformerOutcome[batch.Count];
        Parallel.For(0, batch.Count, i => results[i] = One(batch[i], options));
        return results;
    }

    /// <summary>Conformers for one input record.</summary>
    public static ConformerOutcome One(MoleculeRecord record, ConformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Molecule is not { } molecule) return new ConformerOutcome(record.LineNumber, "", [], record.Error ?? "invalid record");
        try
        {
            var conformers = ConformerGenerator.Generate(molecule, options);
            return new ConformerOutcome(record.LineNumber, molecule.Name, conformers, null);
        }
        catch (ConformerGenerationException e)
        {
            return new ConformerOutcome(record.LineNumber, molecule.Name, [], e.Message);
        }
    }

    /// <summary>Writes the conformers of an outcome as SDF records (V2000 with the 3D flag, the input's name as
    /// title, the MMFF94 energy and, for several conformers, their rank as data fields).</summary>
    public static void WriteSdf(TextWriter writer, ConformerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        for (var k = 0; k < outcome.Conformers.Count; k++)
        {
            var c = outcome.Conformers[k];
            var data = new Dictionary<string, string>(c.Molecule.Properties);
            if (!double.IsNaN(c.Energy)) data["mmff94_energy"] = c.Energy.ToString("F4", CultureInfo.InvariantCulture);
            if (outcome.Conformers.Count > 1) data["conformer"] = (k + 1).ToString(CultureInfo.InvariantCulture);
            SdfWriter.Write(writer, c.Molecule.WithName(outcome.Name).WithProperties(data));
        }
    }
}
