using MolForge.QChem.Correlation;
using MolForge.QChem.LinearAlgebra;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Correlation;

/// <summary>Conventional RHF-MP2 against Psi4 1.3.2 (mp2_type conv, scf_type pk) and the MP2 natural occupation
/// numbers against numpy over Psi4's MO integrals; all electrons and frozen core, STO-3G and 6-31G*.</summary>
public class Mp2ReferenceTests
{
    private static readonly ScfOptions Tight = new() { EnergyTolerance = 1e-11, DensityTolerance = 1e-10 };
    private static readonly Dictionary<string, ScfResult> Cache = [];

    internal static ScfResult Scf(string name, string basis, int charge)
    {
        lock (Cache)
        {
            var key = name + "/" + basis;
            if (!Cache.TryGetValue(key, out var r)) Cache[key] = r = RhfSolver.Run(ReferenceData.Molecule(name, charge), basis, Tight);
            return r;
        }
    }

    public static TheoryData<string, string, int> Cases() => Mp2ReferenceData.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mp2_energies_and_natural_occupations_match_psi4(string name, string basis, int frozenCore)
    {
        var reference = Mp2ReferenceData.Get(name, basis, frozenCore);
        var scf = Scf(name, basis, reference.Charge);
        Assert.True(scf.Converged);
        Assert.Equal(reference.NBasis, scf.BasisFunctionCount);
        Assert.Equal(reference.EHf, scf.Energy, 1e-8);
        var mp2 = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozenCore });
        Assert.Equal(reference.ECorrelation, mp2.CorrelationEnergy, 1e-8);
        Assert.Equal(reference.EMp2, mp2.TotalEnergy, 1e-8);
        Assert.Equal(mp2.CorrelationEnergy, mp2.OppositeSpinEnergy + mp2.SameSpinEnergy, 1e-14);
        Assert.True(mp2.OppositeSpinEnergy < 0 && mp2.SameSpinEnergy <= 0); // same-spin pairs need two distinct virtuals
        var n = mp2.NaturalOccupations!;
        Assert.Equal(reference.Occupations.Length, n.Length);
        for (var k = 0; k < n.Length; k++) Assert.Equal(reference.Occupations[k], n[k], 1e-6);
        Assert.Equal(reference.NElectrons, n.Sum(), 1e-10);
        for (var k = 1; k < n.Length; k++) Assert.True(n[k] <= n[k - 1]);
    }

    [Theory]
    [InlineData("formaldehyde", "6-31g*", 0)]
    [InlineData("hydrogen_sulfide", "sto-3g", 5)]
    [InlineData("pyridine", "sto-3g", 6)]
    public void Natural_orbitals_are_orthonormal_and_diagonalise_the_density(string name, string basis, int frozenCore)
    {
        var reference = Mp2ReferenceData.Get(name, basis, frozenCore);
        var scf = Scf(name, basis, reference.Charge);
        var mp2 = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozenCore });
        var cNo = mp2.NaturalOrbitals!;
        var overlap = Matrix.Transform(cNo, scf.Overlap);
        for (var p = 0; p < overlap.Rows; p++)
            for (var q = 0; q < overlap.Cols; q++) Assert.Equal(p == q ? 1.0 : 0.0, overlap[p, q], 1e-9);
        // the AO density D = C P Cᵀ is diagonal in the natural orbitals: C_NOᵀ S D S C_NO = diag(n)
        var c = scf.Coefficients;
        var dAo = Matrix.Multiply(Matrix.Multiply(c, mp2.MoDensity!), c.Transpose());
        var sc = Matrix.Multiply(scf.Overlap, cNo);
        var inNo = Matrix.Transform(sc, dAo);
        for (var p = 0; p < inNo.Rows; p++)
            for (var q = 0; q < inNo.Cols; q++) Assert.Equal(p == q ? mp2.NaturalOccupations![p] : 0.0, inNo[p, q], 1e-9);
        // frozen orbitals keep occupation 2 exactly; correlated ones lose some
        for (var k = 0; k < frozenCore; k++) Assert.Equal(2.0, mp2.NaturalOccupations![k], 1e-12);
        Assert.True(mp2.NaturalOccupations![scf.OccupiedCount - 1] < 2.0 - 1e-3);
    }

    [Fact]
    public void Batching_the_occupied_orbitals_changes_nothing()
    {
        var scf = Scf("methanol", "6-31g*", 0);
        var whole = Mp2Solver.Run(scf);
        Assert.Equal(1, whole.IntegralPasses);
        // room for the amplitudes and scratch but only a few occupied orbitals of half-transformed integrals per pass
        int nbf = scf.BasisFunctionCount, o = scf.OccupiedCount, v = nbf - o;
        long perOccupied = 8L * nbf * (nbf + 1) / 2 * v;
        long amplitudes = 8L * o * o * v * v;
        var threads = Environment.ProcessorCount;
        long scratch = threads * Math.Max(8L * 36 * nbf * nbf + 8L * 3 * nbf, 8L * nbf * o * v + 16L * v * v);
        var batched = Mp2Solver.Run(scf, new Mp2Options { MaxMemoryBytes = amplitudes + scratch + 3 * perOccupied + 1000 });
        Assert.True(batched.IntegralPasses >= 3, $"{batched.IntegralPasses} passes");
        Assert.False(batched.IntegralsStored);
        Assert.Equal(whole.CorrelationEnergy, batched.CorrelationEnergy, 1e-12);
        for (var k = 0; k < whole.NaturalOccupations!.Length; k++)
            Assert.Equal(whole.NaturalOccupations[k], batched.NaturalOccupations![k], 1e-12);
    }

    [Theory]
    [InlineData("pyridine", "sto-3g", 0)]
    [InlineData("hydrogen_sulfide", "6-31g*", 5)]
    public void Stored_and_recomputed_integrals_give_the_same_mp2(string name, string basis, int frozen)
    {
        var scf = Scf(name, basis, 0);
        var stored = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozen });
        var direct = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozen, StoreIntegrals = false });
        Assert.True(stored.IntegralsStored);
        Assert.False(direct.IntegralsStored);
        Assert.Equal(direct.CorrelationEnergy, stored.CorrelationEnergy, 1e-12);
        for (var k = 0; k < direct.NaturalOccupations!.Length; k++)
            Assert.Equal(direct.NaturalOccupations[k], stored.NaturalOccupations![k], 1e-12);
        Assert.Equal(Mp2ReferenceData.Get(name, basis, frozen).ECorrelation, direct.CorrelationEnergy, 1e-8);
    }

    [Fact]
    public void Too_little_memory_is_refused_with_the_sizes()
    {
        var scf = Scf("water", "6-31g*", 0);
        var ex = Assert.Throws<QChemInputException>(() => Mp2Solver.Run(scf, new Mp2Options { MaxMemoryBytes = 100_000 }));
        Assert.Contains("5²·14²", ex.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 0.1 MB", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void A_frozen_core_outside_the_occupied_orbitals_is_refused(int frozen)
    {
        var scf = Scf("water", "sto-3g", 0);
        var ex = Assert.Throws<QChemInputException>(() => Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozen }));
        Assert.Contains("between 0 and 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Energy_only_run_gives_the_same_energy_without_a_density()
    {
        var scf = Scf("ethylene", "sto-3g", 0);
        var full = Mp2Solver.Run(scf);
        var energyOnly = Mp2Solver.Run(scf, new Mp2Options { ComputeDensity = false });
        Assert.Equal(full.CorrelationEnergy, energyOnly.CorrelationEnergy, 1e-13);
        Assert.Null(energyOnly.NaturalOrbitals);
    }
}
