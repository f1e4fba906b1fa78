namespace MolForge.Chem.Sanitization;

/// <summary>A molecule failed sanitisation (valence, kekulisation, aromaticity); the message names the atom(s).</summary>
public sealed class SanitizationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SanitizationException(string message, int atomIndex = -1) : base(message) => AtomIndex = atomIndex;

    /// <summary>Creates the exception.</summary>
    public SanitizationException() { }

    /// <summary>Creates the exception.</summary>
    public SanitizationException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The offending atom (0-based, in input order), or -1.</summary>
    public int AtomIndex { get; } = -1;
}
