using System.Text.Json;

namespace MolForge.QChem.Tests.Correlation;

/// <summary>Psi4 MP2 references made by tools/references/make_psi4_mp2_references.py.</summary>
internal static class Mp2ReferenceData
{
    public sealed record Entry(string Name, int Charge, string Basis, int NBasis, int NElectrons, int FrozenCore, double EHf,
        double ECorrelation, double EMp2, double[] Occupations);

    private static readonly Lazy<Entry[]> All = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceData.Dir, "psi4_mp2_references.json")));
        return doc.RootElement.GetProperty("molecules").EnumerateArray().Select(m => new Entry(
            m.GetProperty("name").GetString()!, m.GetProperty("charge").GetInt32(), m.GetProperty("basis").GetString()!,
            m.GetProperty("n_basis").GetInt32(), m.GetProperty("n_electrons").GetInt32(), m.GetProperty("frozen_core").GetInt32(),
            m.GetProperty("e_hf").GetDouble(), m.GetProperty("e_mp2_correlation").GetDouble(), m.GetProperty("e_mp2").GetDouble(),
            m.GetProperty("no_occupations").EnumerateArray().Select(x => x.GetDouble()).ToArray())).ToArray();
    });

    public static IReadOnlyList<Entry> Entries => All.Value;

    public static Entry Get(string name, string basis, int frozenCore) =>
        Entries.Single(e => e.Name == name && e.Basis == basis && e.FrozenCore == frozenCore);

    /// <summary>(name, basis, frozen core) of every entry.</summary>
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var e in Entries) data.Add(e.Name, e.Basis, e.FrozenCore);
        return data;
    }
}
