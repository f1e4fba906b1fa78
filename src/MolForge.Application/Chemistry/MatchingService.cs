using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;

namespace MolForge.Application.Chemistry;

/// <summary>A molecule that contains the pattern, with its number of unique matches.</summary>
/// <param name="Line">Input line number.</param>
/// <param name="Smiles">Input SMILES.</param>
/// <param name="Name">Input name.</param>
/// <param name="Count">Unique matches (RDKit GetSubstructMatches semantics, at most <see cref="MatchingService.MaxMatches"/>).</param>
public sealed record MatchRow(long Line, string Smiles, string Name, int Count);

/// <summary>SMARTS substructure search over SMILES files.</summary>
public sealed class MatchingService
{
    /// <summary>Counts stop here, as RDKit's GetSubstructMatches (maxMatches=1000).</summary>
    public const int MaxMatches = 1000;

    /// <summary>Parses a SMARTS pattern; the exception message names the position of an error.</summary>
    /// <exception cref="SmartsParseException">Malformed pattern.</exception>
    public static SmartsQuery ParsePattern(string smarts) => SmartsQuery.Parse(smarts);

    /// <summary>Every valid input with its match count (0 when it does not contain the pattern); invalid lines go
    /// to <paramref name="onInvalid"/>.</summary>
    public static IEnumerable<MatchRow> MatchLines(SmartsQuery pattern, TextReader reader, Action<long, string> onInvalid, CancellationToken cancellationToken = default, MoleculeFileFormat format = MoleculeFileFormat.Smiles)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onInvalid);
        foreach (var (rec, count) in PropsInputRecords.Process(reader, format, m => SubstructureMatcher.CountMatches(pattern, new SubstructureTarget(m), unique: true, maxMatches: MaxMatches), cancellationToken))
        {
            if (rec.Error is not null) onInvalid(rec.Line, rec.Error);
            else yield return new MatchRow(rec.Line, rec.Smiles, rec.Name, count);
        }
    }
}
