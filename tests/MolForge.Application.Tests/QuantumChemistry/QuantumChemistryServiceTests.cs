using MolForge.Application.QuantumChemistry;
using MolForge.QChem;

namespace MolForge.Application.Tests.QuantumChemistry;

public class QuantumChemistryServiceTests
{
    private static QuantumChemistryResult Run(string text, string format, int? charge = null, QChemMethod method = QChemMethod.Rhf) =>
        new QuantumChemistryService().Run(new QuantumChemistryRequest { Input = "-", InputText = text, InputFormat = format, Charge = charge, Method = method });

    [Fact]
    public void Xyz_and_v2000_and_v3000_sdf_give_the_same_energy()
    {
        const string xyz = "3\nwater\nO 0.0 0.0 0.1173\nH 0.0 0.7572 -0.4692\nH 0.0 -0.7572 -0.4692\n";
        const string v2000 = "water\n\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.1173 O   0  0\n    0.0000    0.7572   -0.4692 H   0  0\n    0.0000   -0.7572   -0.4692 H   0  0\n  1  2  1  0\n  1  3  1  0\nM  END\n";
        const string v3000 = "water\n\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 COUNTS 3 2 0 0 0\nM  V30 BEGIN ATOM\nM  V30 1 O 0.0 0.0 0.1173 0\nM  V30 2 H 0.0 0.7572 -0.4692 0\nM  V30 3 H 0.0 -0.7572 -0.4692 0\nM  V30 END ATOM\nM  END\n";
        var e1 = Run(xyz, "xyz").Scf.Energy;
        Assert.Equal(e1, Run(v2000, "sdf").Scf.Energy, 1e-9);
        Assert.Equal(e1, Run(v3000, "sdf").Scf.Energy, 1e-9);
        Assert.InRange(e1, -75.0, -74.9);
    }

    [Fact]
    public void Sdf_charge_is_used_unless_overridden()
    {
        const string nh4 = "ammonium\n\n\n  5  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 N   0  3\n    0.5900    0.5900    0.5900 H   0  0\n   -0.5900   -0.5900    0.5900 H   0  0\n   -0.5900    0.5900   -0.5900 H   0  0\n    0.5900   -0.5900   -0.5900 H   0  0\nM  END\n";
        Assert.Equal(1, Run(nh4, "sdf").Scf.Molecule.Charge);
        var ex = Assert.Throws<QChemInputException>(() => Run(nh4, "sdf", charge: 0));
        Assert.Contains("11 electrons", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "xyz", "the file is empty")]
    [InlineData("two\n\nO 0 0 0\n", "xyz", "xyz line 1: expected an atom count, found 'two'")]
    [InlineData("2\n\nO 0 0 0\n", "xyz", "xyz line 4: file ends after 1 of 2 atoms")]
    [InlineData("1\n\nXq 0 0 0\n", "xyz", "xyz line 3: unknown element 'Xq'")]
    [InlineData("1\n\nO 0 zero 0\n", "xyz", "xyz line 3: bad coordinate")]
    [InlineData("t\n\n\n  x  0\nM  END\n", "sdf", "sdf line 4: bad atom count 'x'")]
    [InlineData("t\n\n\n  2  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 O   0  0\n", "sdf", "sdf line 6: record ends before its 2 atom")]
    public void Malformed_geometry_is_reported_with_the_line(string text, string format, string message)
    {
        var ex = Assert.Throws<QChemInputException>(() => Run(text, format));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sdf_without_coordinates_is_refused_and_v3000_is_read()
    {
        const string flat = "w\n\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 H   0  0\n    0.0000    0.0000    0.0000 H   0  0\n  1  2  1  0\nM  END\n";
        var ex = Assert.Throws<QChemInputException>(() => Run(flat, "sdf"));
        Assert.Contains("no 3D geometry", ex.Message, StringComparison.Ordinal);
        const string v3000 = "h2\n\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 COUNTS 2 1 0 0 0\nM  V30 BEGIN ATOM\nM  V30 1 H 0 0 0 0\nM  V30 2 H 0 0 0.74 0\nM  V30 END ATOM\nM  V30 BEGIN BOND\nM  V30 1 1 1 2\nM  V30 END BOND\nM  V30 END CTAB\nM  END\n";
        var fromSdf = Run(v3000, "sdf");
        var fromXyz = Run("2\nh2\nH 0 0 0\nH 0 0 0.74\n", "xyz");
        Assert.Equal(fromXyz.Scf.Energy, fromSdf.Scf.Energy, 10);
    }

    [Fact]
    public void Casci_defaults_to_two_electrons_in_two_orbitals()
    {
        var r = Run("2\nh2\nH 0 0 0\nH 0 0 0.74\n", "xyz", method: QChemMethod.Casci);
        Assert.NotNull(r.CasciEnergy);
        Assert.Equal(2, r.ActiveSpace!.OrbitalCount);
        Assert.True(r.CasciEnergy < r.Scf.Energy);
    }
}
