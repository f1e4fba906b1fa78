namespace MolForge.Chem.Formats;

/// <summary>One record of a molecule file: the molecule, or the reason it could not be read. Readers never throw on
/// bad content; they yield a record with <see cref="Error"/> and continue with the next record.</summary>
/// <param name="LineNumber">1-based line where the record starts.</param>
/// <param name="Molecule">The molecule, null when the record is invalid.</param>
/// <param name="Error">Why the record is invalid (names the line/field), null when valid.</param>
public sealed record MoleculeRecord(long LineNumber, Core.Molecule? Molecule, string? Error)
{
    /// <summary>True when the record holds a molecule.</summary>
    public bool IsValid => Molecule is not null;
}

/// <summary>A malformed field in a molecule file (caught by the readers and turned into a record error).</summary>
public sealed class MoleculeFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MoleculeFormatException(string message, long lineNumber) : base(message) => LineNumber = lineNumber;

    /// <summary>Creates the exception.</summary>
    public MoleculeFormatException() { }

    /// <summary>Creates the exception.</summary>
    public MoleculeFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>1-based line of the problem.</summary>
    public long LineNumber { get; }
}
