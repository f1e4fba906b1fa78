using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;

namespace MolForge.QChem.Tests.Integrals;

/// <summary>Obara–Saika/HGP integrals against the independent McMurchie–Davidson route.</summary>
public class IntegralCrossCheckTests
{
    /// <summary>A distorted water-like molecule with an extra S atom, so 6-31G* gives s, p and Cartesian d shells
    /// on several centres with no symmetry.</summary>
    private static BasisSet SmallBasis(string name = "6-31g*")
    {
        var mol = Molecule3D.FromAngstrom([8, 1, 16], [0.0, 0.1, -0.05, 0.93, 0.12, 0.21, -0.6, 1.45, 0.33], 0);
        return BasisSet.Build(GaussianBasisFile.Load(name), mol.AtomicNumbers, mol.Coordinates);
    }

    [Fact]
    public void Overlap_and_nuclear_attraction_match_mcmurchie_davidson()
    {
        var basis = SmallBasis();
        var s = OneElectronIntegrals.Overlap(basis);
        var v = OneElectronIntegrals.NuclearAttraction(basis);
        foreach (var a in basis.Shells)
            foreach (var b in basis.Shells)
                for (var ia = 0; ia < a.Size; ia++)
                    for (var ib = 0; ib < b.Size; ib++)
                    {
                        int i = a.FirstFunction + ia, j = b.FirstFunction + ib;
                        Assert.Equal(McMurchieDavidson.Overlap(a, ia, b, ib), s[i, j], 1e-11);
                        double reference = 0;
                        for (var c = 0; c < 3; c++)
                            reference -= basis.AtomicNumbers[c] * McMurchieDavidson.Nuclear(a, ia, b, ib,
                                basis.Coordinates[3 * c], basis.Coordinates[3 * c + 1], basis.Coordinates[3 * c + 2]);
                        Assert.Equal(reference, v[i, j], 1e-10);
                    }
    }

    [Fact]
    public void Axis_components_are_normalised_as_in_psi4()
    {
        var basis = SmallBasis();
        var s = OneElectronIntegrals.Overlap(basis);
        foreach (var shell in basis.Shells)
        {
            // x^L (index 0) has unit norm; for d, xy has norm 1/3 (Psi4's Cartesian convention)
            Assert.Equal(1.0, s[shell.FirstFunction, shell.FirstFunction], 1e-10);
            if (shell.L == 2) Assert.Equal(1.0 / 3.0, s[shell.FirstFunction + 1, shell.FirstFunction + 1], 1e-10);
        }
    }

    [Fact]
    public void Kinetic_energy_matches_finite_difference_of_overlap_scaling()
    {
        // T_ii = -½ <i|∇²|i> must equal the virial-type identity for a single primitive s function: 3α/2.
        var basis = BasisSet.Build(GaussianBasisFile.Parse(new StringReader("H 0\nS 1 1.00\n 0.8 1.0\n****\n"), "one"), [1], [0.0, 0.0, 0.0]);
        var t = OneElectronIntegrals.Kinetic(basis);
        Assert.Equal(1.5 * 0.8, t[0, 0], 1e-12);
        // and a p function: T = 5α/2
        var pb = BasisSet.Build(GaussianBasisFile.Parse(new StringReader("H 0\nP 1 1.00\n 0.6 1.0\n****\n"), "one"), [1], [0.0, 0.0, 0.0]);
        Assert.Equal(2.5 * 0.6, OneElectronIntegrals.Kinetic(pb)[0, 0], 1e-12);
    }

    [Fact]
    public void Electron_repulsion_quartets_match_mcmurchie_davidson()
    {
        var basis = SmallBasis();
        var shells = basis.Shells;
        var engine = new EriEngine(basis.MaxL);
        var buffer = new double[FockBuilder.MaxQuartetSize(basis.MaxL)];
        // one shell of each angular momentum on different centres (d on O and S), every L pattern over them
        var byL = new List<int>();
        for (var l = 0; l <= 2; l++) byL.Add(Enumerable.Range(0, shells.Count).First(i => shells[i].L == l && shells[i].Atom == l % 2 * 2));
        byL.Add(Enumerable.Range(0, shells.Count).Last(i => shells[i].L == 2));
        byL.Add(Enumerable.Range(0, shells.Count).First(i => shells[i].Atom == 1));
        var checkedQuartets = 0;
        foreach (var a in byL)
            foreach (var b in byL)
                foreach (var c in byL)
                    foreach (var d in byL)
                    {
                        if ((a * 7 + b * 5 + c * 3 + d) % 4 != 0 && !(shells[a].L == 2 && shells[b].L == 2 && shells[c].L == 2 && shells[d].L == 2)) continue;
                        var bra = new ShellPair(shells[a], shells[b], a, b);
                        var ket = new ShellPair(shells[c], shells[d], c, d);
                        engine.Compute(bra, ket, buffer);
                        var x = 0;
                        for (var i = 0; i < bra.A.Size; i++)
                            for (var j = 0; j < bra.B.Size; j++)
                                for (var k = 0; k < ket.A.Size; k++)
                                    for (var l = 0; l < ket.B.Size; l++, x++)
                                    {
                                        if ((i + 2 * j + k + l) % 5 != 0) continue;
                                        var reference = McMurchieDavidson.Eri(bra.A, i, bra.B, j, ket.A, k, ket.B, l);
                                        Assert.True(Math.Abs(reference - buffer[x]) < 1e-11 + 1e-9 * Math.Abs(reference),
                                            $"({bra.A.L}{bra.B.L}|{ket.A.L}{ket.B.L}) {i}{j}{k}{l}: {buffer[x]} vs {reference}");
                                    }
                        checkedQuartets++;
                    }
        Assert.True(checkedQuartets > 100);
    }

    [Fact]
    public void Schwarz_bound_holds()
    {
        var basis = SmallBasis("6-31g");
        var builder = new FockBuilder(basis, 0, 0);
        var pairs = builder.Pairs;
        var engine = new EriEngine(basis.MaxL);
        var buffer = new double[FockBuilder.MaxQuartetSize(basis.MaxL)];
        for (var x = 0; x < pairs.Count; x += 3)
            for (var y = 0; y <= x; y += 2)
            {
                engine.Compute(pairs[x], pairs[y], buffer);
                var bound = pairs[x].Schwarz * pairs[y].Schwarz;
                for (var k = 0; k < pairs[x].Size * pairs[y].Size; k++) Assert.True(Math.Abs(buffer[k]) <= bound * (1 + 1e-12) + 1e-14);
            }
    }

    [Fact]
    public void Written_out_order_4_classes_match_the_general_recurrence()
    {
        // every (pp|pp), (pp|ds), (ds|pp), (ds|ds) quartet of the small 6-31G* molecule, all components
        var basis = SmallBasis();
        var shells = basis.Shells;
        var pairs = new List<ShellPair>();
        for (var i = 0; i < shells.Count; i++)
            for (var j = 0; j <= i; j++)
                if (shells[i].L + shells[j].L == 2 && (shells[i].L == 1 || shells[j].L != 1)) pairs.Add(new ShellPair(shells[i], shells[j], i, j));
        var fast = new EriEngine(basis.MaxL);
        var general = new EriEngine(basis.MaxL) { GeneralRecurrenceOnly = true };
        var a = new double[FockBuilder.MaxQuartetSize(basis.MaxL)];
        var b = new double[a.Length];
        var classes = new HashSet<(int, int, int, int)>();
        foreach (var bra in pairs)
            foreach (var ket in pairs)
            {
                fast.Compute(bra, ket, a);
                general.Compute(bra, ket, b);
                for (var k = 0; k < bra.Size * ket.Size; k++)
                    Assert.True(Math.Abs(a[k] - b[k]) <= 1e-14 + 1e-12 * Math.Abs(b[k]),
                        $"({bra.A.L}{bra.B.L}|{ket.A.L}{ket.B.L}) {k}: {a[k]} vs {b[k]}");
                classes.Add((bra.A.L, bra.B.L, ket.A.L, ket.B.L));
            }
        Assert.Equal(4, classes.Count);
    }

    [Fact]
    public void Supermatrix_filled_in_small_batches_equals_the_one_filled_at_once()
    {
        var mol = ReferenceData.Molecule("aspirin", 0);
        var basis = BasisSet.Build(GaussianBasisFile.Load("sto-3g"), mol.AtomicNumbers, mol.Coordinates);
        var whole = new FockBuilder(basis, 1e-12, 1L << 30);
        var batched = new FockBuilder(basis, 1e-12, 1L << 30, pkBatchBytes: 64 * 1024);
        Assert.True(whole.UsesSupermatrix && batched.UsesSupermatrix);
        var n = basis.FunctionCount;
        var random = new Random(7);
        var d = new MolForge.QChem.LinearAlgebra.Matrix(n, n);
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++) d[i, j] = d[j, i] = random.NextDouble() - 0.5;
        var a = whole.Build(d);
        var b = batched.Build(d);
        var direct = new FockBuilder(basis, 1e-12, 0).Build(d);
        for (var k = 0; k < a.Data.Length; k++)
        {
            Assert.Equal(a.Data[k], b.Data[k], 1e-13);
            Assert.Equal(direct.Data[k], a.Data[k], 1e-10);
        }
    }

    [Theory]
    [InlineData("sto-3g")]
    [InlineData("6-31g*")]
    public void Fock_build_primitive_cutoff_changes_no_integral_beyond_1e_13(string basisName)
    {
        // caffeine: many distant centres, so many primitive quartets fall under the Fock-build cutoff
        var mol = ReferenceData.Molecule("caffeine", 0);
        var basis = BasisSet.Build(GaussianBasisFile.Load(basisName), mol.AtomicNumbers, mol.Coordinates);
        var pairs = new FockBuilder(basis, 0, 0).Pairs;
        var tight = new EriEngine(basis.MaxL);
        var cut = new EriEngine(basis.MaxL, FockBuilder.PrimitiveThreshold);
        var a = new double[FockBuilder.MaxQuartetSize(basis.MaxL)];
        var b = new double[a.Length];
        double worst = 0;
        var differing = 0;
        for (var x = 0; x < pairs.Count; x += 5)
            for (var y = 0; y <= x; y += 7)
            {
                tight.Compute(pairs[x], pairs[y], a);
                cut.Compute(pairs[x], pairs[y], b);
                for (var k = 0; k < pairs[x].Size * pairs[y].Size; k++)
                {
                    var d = Math.Abs(a[k] - b[k]);
                    worst = Math.Max(worst, d);
                    if (d > 0) differing++;
                }
            }
        Assert.True(worst < 1e-13, $"largest change {worst}");
        Assert.True(differing > 0, "the cutoff dropped nothing: the test checks nothing");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(0.37)]
    [InlineData(4.999)]
    [InlineData(17.3)]
    [InlineData(39.98)]
    [InlineData(40.0)]
    [InlineData(75.0)]
    public void Boys_function_matches_series(double t)
    {
        Span<double> f = stackalloc double[17];
        Boys.Evaluate(16, t, f);
        for (var m = 0; m <= 16; m++)
        {
            var reference = Boys.Series(m, t);
            Assert.True(Math.Abs(f[m] - reference) <= 1e-13 * reference + 1e-18, $"F_{m}({t}) = {f[m]} vs {reference}");
        }
        Assert.Equal(f[0], Boys.F0(t), 1e-15);
    }

    [Fact]
    public void Boys_series_matches_quadrature()
    {
        // Simpson's rule on ∫_0^1 t^(2m) exp(-T t²) dt with 20001 points
        foreach (var (m, t) in new[] { (0, 0.5), (3, 2.0), (6, 12.0) })
        {
            const int n = 20000;
            double h = 1.0 / n, s = 0;
            for (var k = 0; k <= n; k++)
            {
                var x = k * h;
                var w = k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2;
                s += w * Math.Pow(x, 2 * m) * Math.Exp(-t * x * x);
            }
            Assert.Equal(s * h / 3, Boys.Series(m, t), 1e-12);
        }
    }
}
