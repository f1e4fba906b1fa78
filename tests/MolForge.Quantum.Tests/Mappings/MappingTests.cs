using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Exact;
using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Tests.TestSupport;

namespace MolForge.Quantum.Tests.Mappings;

public class MappingTests
{
    public static TheoryData<string, int> MappingsAndSizes() => new()
    {
        { "jordan-wigner", 6 }, { "parity", 6 }, { "bravyi-kitaev", 6 }, { "bravyi-kitaev", 7 }, { "bravyi-kitaev", 8 }, { "parity", 5 },
    };

    private static FermionMapping Make(string name, int modes) => FermionMapping.Create(name, modes);

    [Theory]
    [MemberData(nameof(MappingsAndSizes))]
    public void Ladder_operators_satisfy_the_canonical_anticommutation_relations(string name, int modes)
    {
        var m = Make(name, modes);
        for (int p = 0; p < modes; p++)
            for (int q = 0; q < modes; q++)
            {
                var ap = m.MapLadder(p, false);
                var aqd = m.MapLadder(q, true);
                var aq = m.MapLadder(q, false);
                var anti = (ap * aqd + aqd * ap).Simplify();
                var expected = p == q ? QubitOperator.Constant(1) : new QubitOperator();
                Assert.True(QubitOperator.AreClose(anti, expected), $"{name}: {{a_{p}, a†_{q}}} = {anti}");
                Assert.Equal(0, (ap * aq + aq * ap).Simplify().Count);
            }
    }

    /// <summary>Random fermion monomials: mapping is an algebra homomorphism (map(AB) = map(A)map(B)), so the mapped
    /// (anti)commutation relations of products follow.</summary>
    [Property(MaxTest = 60)]
    public bool Mapping_is_multiplicative(byte seed)
    {
        var rng = new Random(seed);
        foreach (var name in new[] { "jordan-wigner", "parity", "bravyi-kitaev" })
        {
            var m = Make(name, 6);
            FermionOperator R()
            {
                int len = rng.Next(1, 4);
                return new FermionOperator().Add(rng.NextDouble() - 0.5,
                    Enumerable.Range(0, len).Select(_ => new LadderOp(rng.Next(6), rng.Next(2) == 0)).ToArray());
            }
            var a = R();
            var b = R();
            var lhs = m.Map(a * b);
            var rhs = m.Map(a) * m.Map(b);
            if (!QubitOperator.AreClose(lhs, rhs)) return false;
            // {A, B} of odd monomials maps to the anticommutator of the images.
            var anti = m.Map((a * b + b * a).NormalOrdered());
            if (!QubitOperator.AreClose(anti, (m.Map(a) * m.Map(b) + m.Map(b) * m.Map(a)).Simplify())) return false;
        }
        return true;
    }

    [Fact]
    public void Jordan_wigner_ladder_has_the_textbook_form()
    {
        var a2 = new JordanWignerMapping(4).MapLadder(2, true);
        Assert.Equal(0.5, a2[PauliString.Parse("Z0 Z1 X2")].Real, 15);
        Assert.Equal(-0.5, a2[PauliString.Parse("Z0 Z1 Y2")].Imaginary, 15);
    }

    [Fact]
    public void Bravyi_kitaev_sets_match_seeley_richard_love_for_8_modes()
    {
        var bk = new BravyiKitaevMapping(8);
        // Seeley, Richard & Love 2012, Table: update set of mode 0 = {1, 3, 7}, parity set of mode 5 = {3, 4}.
        Assert.Equal((1UL << 0) | (1UL << 1) | (1UL << 3) | (1UL << 7), bk.UpdateSet(0));
        Assert.Equal((1UL << 3) | (1UL << 4), bk.ParitySet(5));
        Assert.Equal((1UL << 5) | (1UL << 4), bk.FlipSet(5)); // n_5 = q5 ⊕ q4
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 4, 4)]
    [InlineData("h2o", 4, 4)]
    public void Molecular_hamiltonian_has_the_same_spectrum_under_all_three_mappings(string name, int ne, int no)
    {
        var ints = ReferenceData.Get(name, ne, no).Load();
        double[]? reference = null;
        foreach (var map in new[] { "jordan-wigner", "parity", "bravyi-kitaev" })
        {
            var h = MolecularHamiltonian.Build(ints, map);
            int nq = h.QubitCount;
            var spectrum = SymmetricEigen.Eigenvalues(Dense.RealMatrix(h.Operator, nq), 1 << nq);
            if (reference == null) { reference = spectrum; continue; }
            for (int i = 0; i < spectrum.Length; i++) Assert.Equal(reference[i], spectrum[i], 9);
        }
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 4, 4)]
    [InlineData("ethylene", 4, 4)]
    public void Two_qubit_reduction_keeps_the_ground_state(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        var reduced = MolecularHamiltonian.Build(ints, "parity-reduced");
        Assert.Equal(2 * no - 2, reduced.QubitCount);
        // The reduced space holds every state with N_α and N parities fixed; its lowest eigenvalue in the
        // (N/2, N/2) sector is CASCI, and the full reduced spectrum contains it.
        double sector = SectorSolver.LowestEigenvalue(reduced.Operator, reduced.Mapping, ne / 2, ne / 2);
        Assert.Equal(r.Casci, sector, 8);
        var spectrum = SymmetricEigen.Eigenvalues(Dense.RealMatrix(reduced.Operator, reduced.QubitCount), 1 << reduced.QubitCount);
        Assert.Contains(spectrum, e => Math.Abs(e - r.Casci) < 1e-8);
    }

    [Fact]
    public void Mappings_refuse_electron_counts_they_cannot_represent()
    {
        var jw = new JordanWignerMapping(4);
        var e = Assert.Throws<ElectronCountException>(() => jw.HartreeFockOccupation(3, 1));
        Assert.Contains("3 α", e.Message, StringComparison.Ordinal);
        var reduced = new ReducedParityMapping(3, 1, 1);
        Assert.Throws<ElectronCountException>(() => reduced.ValidateElectrons(2, 1));
        Assert.Throws<ElectronCountException>(() => reduced.MapOccupation(0b000_011));
        Assert.Throws<InvalidOperationException>(() => reduced.MapLadder(0, true));
        var odd = new ActiveSpaceIntegrals(2, 1, 0, new double[4], new double[16]);
        Assert.Throws<ElectronCountException>(() => MolecularHamiltonian.Build(odd, "jordan-wigner"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActiveSpaceIntegrals(2, 5, 0, new double[4], new double[16]));
    }

    [Fact]
    public void Reduction_rejects_operators_that_break_the_symmetry()
    {
        var reduced = new ReducedParityMapping(2, 1, 1);
        var hop = new FermionOperator().Add(1, new LadderOp(0, true), new LadderOp(2, false)); // α → β
        Assert.Throws<InvalidOperationException>(() => reduced.Map(hop));
    }
}
