using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Conformers;

/// <summary>One input line turned into conformers, or the reason it could not be.</summary>
/// <param name="LineNumber">1-based line of the input.</param>
/// <param name="Name">The input's name (second column), empty when none.</param>
/// <param name="Conformers">Generated conformers, lowest energy first; empty on error.</param>
/// <param name="Error">Why the line failed, or null.</param>
public sealed record ConformerOutcome(long LineNumber, string Name, IReadOnlyList<GeneratedConformer> Conformers, string? Error);

/// <summary>The `conformer` use case: SMILES lines (SMILES, then an optional name after whitespace) to 3D
/// conformers with hydrogens, MMFF94-minimised, in input order; molecules run in parallel.</summary>
public static class ConformerService
{
    /// <summary>Reads every line of <paramref name="input"/> and yields outcomes in input order.
    /// Blank lines and lines starting with '#' are skipped; a header line "smiles..." is skipped.</summary>
    public static IEnumerable<ConformerOutcome> Run(TextReader input, ConformerOptions options, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var batch = new List<(long Line, string Text)>(batchSize);
        long lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            if (lineNumber == 1 && trimmed.StartsWith("smiles", StringComparison.OrdinalIgnoreCase)) continue;
            batch.Add((lineNumber, trimmed));
            if (batch.Count == batchSize)
            {
                foreach (var o in Process(batch, options)) yield return o;
                batch.Clear();
            }
        }
        foreach (var o in Process(batch, options)) yield return o;
    }

    private static ConformerOutcome[] Process(List<(long Line, string Text)> batch, ConformerOptions options)
    {
        var results = new ConformerOutcome[batch.Count];
        Parallel.For(0, batch.Count, i => results[i] = One(batch[i].Line, batch[i].Text, options));
        return results;
    }

    /// <summary>Conformers for one "SMILES [name]" line.</summary>
    public static ConformerOutcome One(long lineNumber, string line, ConformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cut = line.IndexOfAny([' ', '\t']);
        var smiles = cut < 0 ? line : line[..cut];
        var name = cut < 0 ? "" : line[(cut + 1)..].Trim();
        if (!SmilesReader.TryParse(smiles, out var molecule, out var error))
            return new ConformerOutcome(lineNumber, name, [], $"invalid SMILES '{smiles}': {error}");
        try
        {
            var conformers = ConformerGenerator.Generate(molecule.WithName(name), options);
            return new ConformerOutcome(lineNumber, name, conformers, null);
        }
        catch (ConformerGenerationException e)
        {
            return new ConformerOutcome(lineNumber, name, [], e.Message);
        }
    }

    /// <summary>Writes conformers as SDF records (V2000, 3D flag, name as title, energy as a data field).</summary>
    public static void WriteSdf(TextWriter writer, ConformerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        for (var k = 0; k < outcome.Conformers.Count; k++)
        {
            var c = outcome.Conformers[k];
            var data = new List<(string, string)>();
            if (!double.IsNaN(c.Energy)) data.Add(("mmff94_energy", c.Energy.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)));
            if (outcome.Conformers.Count > 1) data.Add(("conformer", (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            MolBlock.Write(writer, c.Molecule.WithName(outcome.Name), data);
        }
    }
}
