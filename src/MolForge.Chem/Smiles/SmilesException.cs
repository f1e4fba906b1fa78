namespace MolForge.Chem.Smiles;

/// <summary>A SMILES string could not be read: a syntax error (with its 1-based <see cref="Position"/>) or a
/// chemistry error found by sanitisation (with the atom index in the message).</summary>
public sealed class SmilesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmilesException(string message, int position = 0) : base(message) => Position = position;

    /// <summary>Creates the exception.</summary>
    public SmilesException() { }

    /// <summary>Creates the exception.</summary>
    public SmilesException(string message, Exception inner) : base(message, inner) { }

    /// <summary>1-based character position of a syntax error; 0 when the error is not tied to a position.</summary>
    public int Position { get; }
}

/// <summary>Options for <see cref="SmilesReader"/>.</summary>
public sealed record SmilesReaderOptions
{
    /// <summary>Default options (sanitise, remove hydrogens, as RDKit's MolFromSmiles).</summary>
    public static SmilesReaderOptions Default { get; } = new();

    /// <summary>Run sanitisation (valence, kekulisation, aromaticity, stereo cleanup). Default true.</summary>
    public bool Sanitize { get; init; } = true;

    /// <summary>Remove ordinary hydrogen atoms written as graph nodes (<c>[H]</c>), as RDKit's MolFromSmiles does.
    /// Default true.</summary>
    public bool RemoveHydrogens { get; init; } = true;

    /// <summary>Longest accepted SMILES (characters). Default 10,000.</summary>
    public int MaxLength { get; init; } = 10_000;

    /// <summary>Most heavy atoms accepted. Default 1,000.</summary>
    public int MaxHeavyAtoms { get; init; } = 1_000;
}
