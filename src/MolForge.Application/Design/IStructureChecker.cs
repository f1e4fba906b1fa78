namespace MolForge.Application.Design;

/// <summary>Checks the chemistry strings of a prompt (scaffold SMILES/SMARTS, required/forbidden SMARTS) with the
/// cheminformatics core; returns null when valid, else the reason.</summary>
public interface IStructureChecker
{
    /// <summary>Null when <paramref name="scaffold"/> parses as SMILES or SMARTS, else the reason.</summary>
    string? CheckScaffold(string scaffold);

    /// <summary>Null when <paramref name="smarts"/> parses, else the reason.</summary>
    string? CheckSmarts(string smarts);
}
