using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Tests.Operators;

public class FermionOperatorTests
{
    [Fact]
    public void Anticommutator_of_a_and_adag_is_delta()
    {
        for (int p = 0; p < 3; p++)
            for (int q = 0; q < 3; q++)
            {
                var a = new FermionOperator().Add(1, new LadderOp(p, false));
                var ad = new FermionOperator().Add(1, new LadderOp(q, true));
                var anti = (a * ad + ad * a).NormalOrdered();
                if (p == q)
                {
                    Assert.Single(anti.Terms);
                    Assert.Empty(anti.Terms[0].Ops);
                    Assert.Equal(1.0, anti.Terms[0].Coefficient.Real, 14);
                }
                else Assert.Empty(anti.Terms);
            }
    }

    [Fact]
    public void Normal_ordering_puts_creators_left_in_descending_order()
    {
        var op = FermionOperator.Parse("1 [0 2^ 1^]").NormalOrdered();
        Assert.Single(op.Terms);
        Assert.Equal("2^ 1^ 0", string.Join(' ', op.Terms[0].Ops.Select(o => o.ToString())));
        // a_0 a†_2 a†_1 → a†_2 a†_1 a_0 takes two transpositions: sign +1.
        Assert.Equal(1.0, op.Terms[0].Coefficient.Real, 14);
    }

    [Fact]
    public void Repeated_operator_vanishes_and_number_operator_survives()
    {
        Assert.Empty(FermionOperator.Parse("1 [3^ 3^]").NormalOrdered().Terms);
        var n = FermionOperator.Parse("1 [3 3^]").NormalOrdered(); // a a† = 1 − a† a
        Assert.Equal(2, n.Terms.Count);
        Assert.True(FermionOperator.AreEquivalent(n, FermionOperator.Parse("1 + -1 [3^ 3]")));
    }

    [Fact]
    public void Adjoint_reverses_and_swaps()
    {
        var op = FermionOperator.Parse("2 [3^ 1]");
        var adj = op.Adjoint();
        Assert.Equal("1^ 3", string.Join(' ', adj.Terms[0].Ops.Select(o => o.ToString())));
    }

    [Theory]
    [InlineData("1 [x^]")]
    [InlineData("1 [2^")]
    [InlineData("abc [1]")]
    public void Parse_rejects_bad_text(string text) => Assert.ThrowsAny<FormatException>(() => FermionOperator.Parse(text));
}
