using System.Globalization;
using System.Text.Json;
using MolForge.QChem.Basis;

namespace MolForge.QChem.Tests;

/// <summary>Psi4 references made by tools/references/make_psi4_references.py.</summary>
internal static class ReferenceData
{
    public sealed record Casci(int Ne, int No, double Energy);

    public sealed record Entry(string Name, int Charge, string Basis, int NBasis, int NElectrons, double ENuc, double EHf,
        double Homo, double? Lumo, double[] OrbitalEnergies, Casci[] Casci);

    private static readonly Lazy<Entry[]> All = new(Load);

    public static IReadOnlyList<Entry> Entries => All.Value;

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "References");

    public static Entry Get(string name, string basis) => Entries.Single(e => e.Name == name && e.Basis == basis);

    private static Entry[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "psi4_references.json")));
        return doc.RootElement.GetProperty("molecules").EnumerateArray().Select(m => new Entry(
            m.GetProperty("name").GetString()!, m.GetProperty("charge").GetInt32(), m.GetProperty("basis").GetString()!,
            m.GetProperty("n_basis").GetInt32(), m.GetProperty("n_electrons").GetInt32(), m.GetProperty("e_nuc").GetDouble(),
            m.GetProperty("e_hf").GetDouble(), m.GetProperty("homo").GetDouble(),
            m.GetProperty("lumo").ValueKind == JsonValueKind.Null ? null : m.GetProperty("lumo").GetDouble(),
            m.GetProperty("orbital_energies").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
            m.GetProperty("casci").EnumerateArray().Select(c => new Casci(c.GetProperty("ne").GetInt32(), c.GetProperty("no").GetInt32(),
                c.GetProperty("energy").GetDouble())).ToArray())).ToArray();
    }

    /// <summary>The stored geometry as a molecule with the given charge.</summary>
    public static Molecule3D Molecule(string name, int charge)
    {
        var lines = File.ReadAllLines(Path.Combine(Dir, "geometries", name + ".xyz"));
        var n = int.Parse(lines[0].Trim(), CultureInfo.InvariantCulture);
        var z = new int[n];
        var xyz = new double[3 * n];
        for (var i = 0; i < n; i++)
        {
            var p = lines[2 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            z[i] = ElementTable.AtomicNumber(p[0]);
            for (var k = 0; k < 3; k++) xyz[3 * i + k] = double.Parse(p[1 + k], CultureInfo.InvariantCulture);
        }
        return Molecule3D.FromAngstrom(z, xyz, charge);
    }
}
