using System.Globalization;

namespace MolForge.Chem.Core;

/// <summary>The periodic table as RDKit defines it (weights, isotope masses, allowed valences, radii), read from
/// <c>data/chem/elements.tsv</c> (generated from RDKit 2022.09.3 by tools/references/make_elements_table.py).</summary>
public static class Elements
{
    /// <summary>Highest atomic number known.</summary>
    public const int MaxAtomicNumber = 118;

    private static readonly ElementData[] Table = Load();
    private static readonly Dictionary<string, byte> BySymbol = Table.ToDictionary(e => e.Symbol, e => e.AtomicNumber, StringComparer.Ordinal);

    /// <summary>Element symbol ("*" for 0).</summary>
    public static string Symbol(int atomicNumber) => Get(atomicNumber).Symbol;

    /// <summary>Atomic number for a symbol with the exact case ("Cl"), or null when unknown.</summary>
    public static byte? FromSymbol(string symbol) => BySymbol.TryGetValue(symbol, out var z) ? z : null;

    /// <summary>Atomic number for a symbol span with the exact case, or null when unknown.</summary>
    public static byte? FromSymbol(ReadOnlySpan<char> symbol) =>
        BySymbol.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(symbol, out var z) ? z : null;

    /// <summary>Standard atomic weight (RDKit's, as Descriptors.MolWt uses).</summary>
    public static double AtomicWeight(int atomicNumber) => Get(atomicNumber).AtomicWeight;

    /// <summary>Mass of the most common isotope (as Descriptors.ExactMolWt uses).</summary>
    public static double MonoisotopicMass(int atomicNumber) => Get(atomicNumber).MonoisotopicMass;

    /// <summary>Mass of a given isotope, or null when RDKit knows no such isotope.</summary>
    public static double? IsotopeMass(int atomicNumber, int massNumber) =>
        Get(atomicNumber).IsotopeMasses.TryGetValue(massNumber, out var m) ? m : null;

    /// <summary>RDKit's allowed valences in increasing order; a single -1 means any valence.</summary>
    public static IReadOnlyList<int> Valences(int atomicNumber) => Get(atomicNumber).Valences;

    /// <summary>Outer-shell (valence) electrons.</summary>
    public static int OuterElectrons(int atomicNumber) => Get(atomicNumber).OuterElectrons;

    /// <summary>Covalent radius in Å.</summary>
    public static double CovalentRadius(int atomicNumber) => Get(atomicNumber).CovalentRadius;

    /// <summary>Van der Waals radius in Å.</summary>
    public static double VanDerWaalsRadius(int atomicNumber) => Get(atomicNumber).VanDerWaalsRadius;

    private static ElementData Get(int atomicNumber)
    {
        if ((uint)atomicNumber > MaxAtomicNumber)
            throw new ArgumentOutOfRangeException(nameof(atomicNumber), atomicNumber, "No element has this atomic number.");
        return Table[atomicNumber];
    }

    private static ElementData[] Load()
    {
        var table = new ElementData[MaxAtomicNumber + 1];
        foreach (var line in EmbeddedData.ReadLines("elements.tsv").Skip(1))
        {
            var f = line.Split('\t');
            var z = byte.Parse(f[0], CultureInfo.InvariantCulture);
            var isotopes = new Dictionary<int, double>();
            foreach (var pair in f[8].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                isotopes[int.Parse(pair.AsSpan(0, colon), CultureInfo.InvariantCulture)] =
                    double.Parse(pair.AsSpan(colon + 1), CultureInfo.InvariantCulture);
            }
            table[z] = new ElementData(
                z, f[1],
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                f[4].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
                int.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture),
                double.Parse(f[7], CultureInfo.InvariantCulture),
                isotopes);
        }
        return table;
    }

    private sealed record ElementData(
        byte AtomicNumber, string Symbol, double AtomicWeight, double MonoisotopicMass, int[] Valences,
        int OuterElectrons, double CovalentRadius, double VanDerWaalsRadius, Dictionary<int, double> IsotopeMasses);
}
