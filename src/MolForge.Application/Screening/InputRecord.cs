namespace MolForge.Application.Screening;

/// <summary>One molecule record of a screening input.</summary>
/// <param name="Index">0-based record index (the item key; the CSV header is not a record).</param>
/// <param name="LineNumber">1-based line of the input where the record starts (for messages).</param>
/// <param name="Smiles">The SMILES text as given (empty when the record has none).</param>
/// <param name="Name">The record's name column / SDF title, or empty.</param>
/// <param name="Error">Why the record cannot be scored (it becomes an <c>invalid</c> item), or null.</param>
public sealed record InputRecord(int Index, long LineNumber, string Smiles, string Name, string? Error);

/// <summary>Where the SMILES and name are in a CSV input (0-based columns; -1 = none).</summary>
/// <param name="SmilesColumn">Column of SMILES.</param>
/// <param name="NameColumn">Column of the name, or -1.</param>
/// <param name="Delimiter">Field delimiter.</param>
public sealed record CsvColumns(int SmilesColumn, int NameColumn, char Delimiter);
