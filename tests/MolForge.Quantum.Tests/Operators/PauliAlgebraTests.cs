using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Tests.TestSupport;

namespace MolForge.Quantum.Tests.Operators;

public class PauliAlgebraTests
{
    private const int N = 4;

    /// <summary>Random Pauli strings on 4 qubits.</summary>
    public static class Gens
    {
        public static Arbitrary<PauliString> Pauli() =>
            Gen.Choose(0, 15).SelectMany(x => Gen.Choose(0, 15).Select(z => new PauliString((ulong)x, (ulong)z))).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Gens)])]
    public bool Product_phase_matches_dense_matrices(PauliString a, PauliString b)
    {
        var p = PauliString.Multiply(a, b, out int phase);
        var expected = Dense.Multiply(Dense.KronPauli(a, N), Dense.KronPauli(b, N), 1 << N);
        var actual = Dense.KronPauli(p, N).Select(z => z * PauliString.IPower(phase)).ToArray();
        return expected.Zip(actual).All(t => (t.First - t.Second).Magnitude < 1e-12);
    }

    [Property(Arbitrary = [typeof(Gens)])]
    public bool Product_is_associative_with_phases(PauliString a, PauliString b, PauliString c)
    {
        var ab = PauliString.Multiply(a, b, out int p1);
        var abc1 = PauliString.Multiply(ab, c, out int p2);
        var bc = PauliString.Multiply(b, c, out int p3);
        var abc2 = PauliString.Multiply(a, bc, out int p4);
        return abc1 == abc2 && ((p1 + p2) & 3) == ((p3 + p4) & 3);
    }

    [Property(Arbitrary = [typeof(Gens)])]
    public bool Commutation_agrees_with_product_phases(PauliString a, PauliString b)
    {
        PauliString.Multiply(a, b, out int pab);
        PauliString.Multiply(b, a, out int pba);
        bool commute = pab == pba;
        bool anticommute = ((pab - pba) & 3) == 2;
        return a.CommutesWith(b) ? commute : anticommute;
    }

    [Property(Arbitrary = [typeof(Gens)])]
    public bool Square_is_identity(PauliString a)
    {
        var p = PauliString.Multiply(a, a, out int phase);
        return p.IsIdentity && phase == 0;
    }

    [Property(Arbitrary = [typeof(Gens)])]
    public bool Parse_round_trips(PauliString a) => PauliString.Parse(a.ToString()) == a;

    [Fact]
    public void Single_qubit_table()
    {
        var x = PauliString.Single('X', 0);
        var y = PauliString.Single('Y', 0);
        var z = PauliString.Single('Z', 0);
        Assert.Equal(z, PauliString.Multiply(x, y, out int p));
        Assert.Equal(1, p); // XY = iZ
        Assert.Equal(x, PauliString.Multiply(y, z, out p));
        Assert.Equal(1, p); // YZ = iX
        Assert.Equal(y, PauliString.Multiply(z, x, out p));
        Assert.Equal(1, p); // ZX = iY
        Assert.Equal(z, PauliString.Multiply(y, x, out p));
        Assert.Equal(3, p); // YX = −iZ
    }

    [Theory]
    [InlineData("X0 X0")]
    [InlineData("Q1")]
    [InlineData("X")]
    [InlineData("X64")]
    public void Parse_rejects_bad_text(string text) => Assert.Throws<FormatException>(() => PauliString.Parse(text));

    [Fact]
    public void Qubit_operator_combines_and_simplifies()
    {
        var a = new QubitOperator(PauliString.Parse("X0 Z1"), 0.5);
        a.Add(PauliString.Parse("X0 Z1"), 0.25);
        a.Add(PauliString.Parse("Y2"), 1e-15);
        Assert.Equal(2, a.Count);
        a.Simplify();
        Assert.Equal(1, a.Count);
        Assert.Equal(0.75, a[PauliString.Parse("X0 Z1")].Real, 15);
        var sq = a * a;
        Assert.Equal(0.5625, sq[PauliString.Identity].Real, 15);
        Assert.Equal(1, sq.Count);
    }

    [Fact]
    public void Commutator_of_x_and_y_is_2iZ()
    {
        var x = new QubitOperator(PauliString.Parse("X3"), 1);
        var y = new QubitOperator(PauliString.Parse("Y3"), 1);
        var c = QubitOperator.Commutator(x, y);
        Assert.Equal(1, c.Count);
        Assert.Equal(new Complex(0, 2), c[PauliString.Parse("Z3")]);
    }

    [Fact]
    public void Operator_outside_register_is_rejected_with_the_term()
    {
        var op = new QubitOperator(PauliString.Parse("X0 Z7"), 1);
        var e = Assert.Throws<ArgumentException>(() => op.EnsureWithin(4));
        Assert.Contains("Z7", e.Message, StringComparison.Ordinal);
        Assert.Contains("qubit 7", e.Message, StringComparison.Ordinal);
    }
}
