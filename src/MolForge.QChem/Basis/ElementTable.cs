namespace MolForge.QChem.Basis;

/// <summary>Element symbols by atomic number (H–Rn), the only periodic-table facts the QChem core needs.</summary>
public static class ElementTable
{
    private static readonly string[] Symbols =
    [
        "", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
    ];

    /// <summary>Largest atomic number known.</summary>
    public static int MaxAtomicNumber => Symbols.Length - 1;

    /// <summary>The symbol of element <paramref name="z"/> ("Z=200" when unknown).</summary>
    public static string Symbol(int z) => z > 0 && z < Symbols.Length ? Symbols[z] : $"Z={z}";

    /// <summary>The atomic number for a symbol (case-insensitive), or 0 if unknown.</summary>
    public static int AtomicNumber(string symbol)
    {
        for (var z = 1; z < Symbols.Length; z++)
            if (string.Equals(Symbols[z], symbol, StringComparison.OrdinalIgnoreCase)) return z;
        return 0;
    }
}
