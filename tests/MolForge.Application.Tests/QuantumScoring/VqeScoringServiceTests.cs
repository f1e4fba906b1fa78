using MolForge.Application.QuantumScoring;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Mappings;

namespace MolForge.Application.Tests.QuantumScoring;

public class VqeScoringServiceTests
{
    // H2/STO-3G at 0.74 Å, the (2,2) active space from Psi4 (tools/references/make_active_space_fcidumps.py);
    // Psi4 RHF −1.116759307378, CASCI −1.137283834486.
    private const string H2 = """
         &FCI NORB=   2,NELEC=   2,MS2=0,
          ORBSYM=1,1,
          ISYM=1,
         &END
          6.74755926747731216153E-01   1   1   1   1
          1.81210462034757185945E-01   2   1   2   1
          6.63711401290030367228E-01   2   2   1   1
          6.97651504426065605102E-01   2   2   2   2
         -1.25330978643456569799E+00   1   1   0   0
         -4.75068848992405201592E-01   2   2   0   0
         -5.78553859686834370812E-01   1   0   0   0
          6.71143491552899651431E-01   2   0   0   0
          7.15104338743243195253E-01   0   0   0   0
        """;

    private static ActiveSpaceProblem Problem()
    {
        var ints = Fcidump.Parse(H2);
        return new ActiveSpaceProblem(ints.OrbitalCount, ints.ElectronCount, ints.CoreEnergy, ints.OneBody, ints.TwoBody, ints.OrbitalEnergies);
    }

    [Theory]
    [InlineData("jordan-wigner", "uccsd")]
    [InlineData("bravyi-kitaev", "adapt")]
    [InlineData("parity-reduced", "hea")]
    public void Scores_h2_at_the_casci_energy(string mapping, string ansatz)
    {
        var s = new VqeScoringService().Score(Problem(), new VqeScoringOptions(mapping, ansatz, ComputeExact: true));
        Assert.Equal(-1.137283834486, s.ExactEnergy!.Value, 8);
        Assert.Equal(-1.116759307378, s.HartreeFockEnergy, 8);
        Assert.True(s.Energy - s.ExactEnergy.Value < 1e-6, $"{s.Energy} vs {s.ExactEnergy}");
        Assert.Equal(mapping == "parity-reduced" ? 2 : 4, s.QubitCount);
        Assert.True(s.PauliTermCount > 0);
    }

    [Fact]
    public void Bad_input_names_the_field()
    {
        var p = Problem();
        var e = Assert.Throws<ArgumentException>(() => new VqeScoringService().Score(p with { OneBody = new double[3] }));
        Assert.Contains("one-electron", e.Message, StringComparison.Ordinal);
        Assert.Throws<ElectronCountException>(() => new VqeScoringService().Score(p with { ElectronCount = 1 }));
        Assert.Throws<ArgumentException>(() => new VqeScoringService().Score(p, new VqeScoringOptions(Ansatz: "qaoa")));
        Assert.Throws<ArgumentException>(() => new VqeScoringService().Score(p, new VqeScoringOptions(Mapping: "qubit-magic")));
    }
}
