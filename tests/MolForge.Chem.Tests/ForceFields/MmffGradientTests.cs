using MolForge.Chem.ForceFields.Mmff;

namespace MolForge.Chem.Tests.ForceFields;

/// <summary>The analytic MMFF gradient of every term equals central finite differences of its energy.</summary>
public class MmffGradientTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(48)]
    [InlineData(82)]
    [InlineData(91)]
    [InlineData(97)]
    public void Analytic_gradient_matches_finite_differences(int index)
    {
        var (mol, _) = ReferenceSdf.Read("mmff_reference.sdf.gz").ElementAt(index);
        var ff = MmffForceField.Create(mol);
        var x = ReferenceSdf.Coordinates(mol);
        var g = new double[x.Length];
        var scratch = new double[x.Length];
        string[] names = ["bond", "angle", "stbn", "oop", "torsion", "nonbonded"];
        for (var term = 0; term < 6; term++)
        {
            var mask = 1 << term;
            ff.Evaluate(x, g, mask);
            const double h = 1e-5;
            for (var i = 0; i < x.Length; i++)
            {
                var keep = x[i];
                x[i] = keep + h;
                var ep = ff.Evaluate(x, scratch, mask).Total;
                x[i] = keep - h;
                var em = ff.Evaluate(x, scratch, mask).Total;
                x[i] = keep;
                var fd = (ep - em) / (2 * h);
                Assert.True(Math.Abs(fd - g[i]) < 1e-4 * Math.Max(1, Math.Abs(fd)),
                    $"{mol.Name} {names[term]} coordinate {i}: analytic {g[i]} vs numeric {fd}");
            }
        }
    }
}
