using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Tests.TestSupport;

namespace MolForge.Quantum.Tests.Chemistry;

public class FcidumpTests
{
    private const string Small = """
         &FCI NORB=2,NELEC=2,MS2=0,
          ORBSYM=1,1,
          ISYM=1,
         &END
          0.5 1 1 1 1
          0.1D0 2 1 1 1
          0.25 2 2 1 1
          0.15 2 1 2 1
          0.4 2 2 2 2
         -1.2 1 1 0 0
          0.05 2 1 0 0
         -0.3 2 2 0 0
          0.7 0 0 0 0
        """;

    [Fact]
    public void Reads_header_integrals_and_symmetry_partners()
    {
        var ints = Fcidump.Parse(Small);
        Assert.Equal(2, ints.OrbitalCount);
        Assert.Equal(2, ints.ElectronCount);
        Assert.Equal(0.7, ints.CoreEnergy);
        Assert.Equal(0.05, ints.H(0, 1));
        Assert.Equal(0.05, ints.H(1, 0));
        Assert.Equal(0.1, ints.G(0, 0, 0, 1), 15);
        Assert.Equal(0.1, ints.G(1, 0, 0, 0), 15);
        Assert.Equal(0.15, ints.G(0, 1, 1, 0), 15);
        Assert.Equal(0.25, ints.G(0, 0, 1, 1), 15);
        Assert.Null(ints.OrbitalEnergies);
    }

    [Fact]
    public void Psi4_files_round_trip_through_the_writer()
    {
        foreach (var r in ReferenceData.All)
        {
            var a = r.Load();
            Assert.NotNull(a.OrbitalEnergies);
            var w = new StringWriter();
            Fcidump.Write(a, w);
            var b = Fcidump.Parse(w.ToString());
            Assert.Equal(a.CoreEnergy, b.CoreEnergy, 14);
            for (int i = 0; i < a.TwoBody.Length; i++) Assert.Equal(a.TwoBody[i], b.TwoBody[i], 14);
            for (int i = 0; i < a.OneBody.Length; i++) Assert.Equal(a.OneBody[i], b.OneBody[i], 14);
        }
    }

    [Fact]
    public void Namelist_may_end_with_a_slash_and_span_one_line()
    {
        var ints = Fcidump.Parse("&FCI NORB=1, NELEC=2, MS2=0, ORBSYM=1, ISYM=1 /\n 0.6 1 1 1 1\n -1.0 1 1 0 0\n 0.0 0 0 0 0\n");
        Assert.Equal(1, ints.OrbitalCount);
        Assert.Equal(-2.0 + 0.6, ints.HartreeFockEnergy(), 14);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("NORB=2\n", "line 1")]
    [InlineData("&FCI NORB=2,NELEC=2,\n 0.5 1 1 1 1\n", "&END")]
    [InlineData("&FCI NELEC=2 &END\n", "NORB")]
    [InlineData("&FCI NORB=two,NELEC=2 &END\n", "NORB")]
    [InlineData("&FCI NORB=2,NELEC=6 &END\n", "NELEC")]
    [InlineData("&FCI NORB=2,NELEC=2,MS2=2 &END\n", "MS2")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n 0.5 1 1 1\n", "line 2")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n 0.5 1 1 1 1\n abc 1 1 0 0\n", "line 3")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n 0.5 1 3 1 1\n", "line 2")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n 0.5 0 1 0 1\n", "line 2")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n NaN 1 1 1 1\n", "line 2")]
    [InlineData("&FCI NORB=2,NELEC=2 &END\n 0.5 -1 1 1 1\n", "line 2")]
    public void Malformed_input_is_rejected_with_the_line(string text, string expectedInMessage)
    {
        var e = Assert.Throws<FcidumpFormatException>(() => Fcidump.Parse(text));
        Assert.Contains(expectedInMessage, e.Message, StringComparison.Ordinal);
    }
}
