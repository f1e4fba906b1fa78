using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;

namespace MolForge.Application.Chemistry;

/// <summary>A molecule that contains the pattern, with its number of unique matches.</summary>
/// <param name="Line">Input line number.</param>
/// <param name="Smiles">Input SMILES.</param>
/// <param name="Name">Input name.</param>
/// <param name="Count">Unique matches (RDKit GetSubstructMatches semantics).</param>
public sealed record MatchRow(long Line, string Smiles, string Name, int Count);

/// <summary>SMARTS substructure search over SMILES files.</summary>
public sealed class MatchingService
{
    /// <summary>Parses a SMARTS pattern; the exception message names the position of an error.</summary>
    /// <exception cref="SmartsParseException">Malformed pattern.</exception>
    public static SmartsQuery ParsePattern(string smarts) => SmartsQuery.Parse(smarts);

    /// <summary>Every valid input with its match count (0 when it does not contain the pattern); invalid lines go
    /// to <paramref name="onInvalid"/>.</summary>
    public static IEnumerable<MatchRow> MatchLines(SmartsQuery pattern, TextReader reader, Action<long, string> onInvalid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onInvalid);
        foreach (var (rec, count) in PropsInputRecords.Process(reader, m => SubstructureMatcher.CountMatches(pattern, new SubstructureTarget(m)), cancellationToken))
        {
            if (rec.Error is not null) onInvalid(rec.Line, rec.Error);
            else yield return new MatchRow(rec.Line, rec.Smiles, rec.Name, count);
        }
    }
}
