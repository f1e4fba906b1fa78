namespace MolForge.QChem.Basis;

/// <summary>The basis functions of one molecule: shells on atoms in atom order, then file order.</summary>
public sealed class BasisSet
{
    private BasisSet(string name, Shell[] shells, int functions, int[] atomicNumbers, double[] coordinates)
    {
        Name = name; Shells = shells; FunctionCount = functions; AtomicNumbers = atomicNumbers; Coordinates = coordinates;
        MaxL = shells.Length == 0 ? 0 : shells.Max(s => s.L);
    }

    /// <summary>Basis-set name.</summary>
    public string Name { get; }
    /// <summary>All shells.</summary>
    public IReadOnlyList<Shell> Shells { get; }
    /// <summary>Number of (Cartesian) basis functions.</summary>
    public int FunctionCount { get; }
    /// <summary>Highest angular momentum.</summary>
    public int MaxL { get; }
    /// <summary>Atomic numbers of the atoms.</summary>
    public IReadOnlyList<int> AtomicNumbers { get; }
    /// <summary>Atom coordinates in bohr, x0 y0 z0 x1 ...</summary>
    public IReadOnlyList<double> Coordinates { get; }

    /// <summary>Builds the basis for a molecule (coordinates in bohr).</summary>
    /// <exception cref="QChemInputException">An element is not covered by the basis (names the atom).</exception>
    public static BasisSet Build(GaussianBasisFile file, IReadOnlyList<int> atomicNumbers, ReadOnlySpan<double> coordinatesBohr)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(atomicNumbers);
        var shells = new List<Shell>();
        var next = 0;
        for (var a = 0; a < atomicNumbers.Count; a++)
        {
            var z = atomicNumbers[a];
            var templates = file.ShellsOf(z) ?? throw new QChemInputException(
                $"atom {a + 1} ({ElementTable.Symbol(z)}): element not covered by basis set {file.Name}");
            foreach (var t in templates)
            {
                var shell = new Shell(t.L, a, coordinatesBohr[3 * a], coordinatesBohr[3 * a + 1], coordinatesBohr[3 * a + 2],
                    t.Exponents, Shell.Normalise(t.L, t.Exponents, t.Coefficients), next);
                shells.Add(shell);
                next += shell.Size;
            }
        }
        return new BasisSet(file.Name, [.. shells], next, [.. atomicNumbers], coordinatesBohr.ToArray());
    }

    /// <summary>Atom index of each basis function.</summary>
    public int[] FunctionAtoms()
    {
        var r = new int[FunctionCount];
        foreach (var s in Shells)
            for (var i = 0; i < s.Size; i++) r[s.FirstFunction + i] = s.Atom;
        return r;
    }
}
