using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Design;

/// <summary>Checks a prompt's chemistry strings with MolForge.Chem: a scaffold is accepted as SMILES or, failing
/// that, as SMARTS; required/forbidden patterns must be SMARTS.</summary>
public sealed class ChemStructureChecker : IStructureChecker
{
    /// <inheritdoc />
    public string? CheckScaffold(string scaffold)
    {
        if (SmilesReader.TryParse(scaffold, out _, out var smilesError)) return null;
        return SmartsQuery.TryParse(scaffold, out _, out _) ? null : $"not valid SMILES ({smilesError}) nor SMARTS";
    }

    /// <inheritdoc />
    public string? CheckSmarts(string smarts) => SmartsQuery.TryParse(smarts, out _, out var error) ? null : error;
}
