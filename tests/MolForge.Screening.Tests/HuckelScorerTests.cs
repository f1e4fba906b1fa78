using MolForge.Application.Design;
using MolForge.Application.Screening;

namespace MolForge.Screening.Tests;

public sealed class HuckelScorerTests
{
    [Fact]
    public async Task Benzene_has_the_textbook_huckel_spectrum()
    {
        var result = await new HuckelScreeningScorer().ScoreAsync("c1ccccc1", new ScoringSettings(Method: "huckel"), null, CancellationToken.None);
        Assert.True(result.Succeeded);
        // α = 0, β = −1: eigenvalues of −A for a 6-ring are −2, −1, −1, 1, 1, 2 (Hückel 1931).
        Assert.Equal([-2, -1, -1, 1, 1, 2], result.Quantum!.OrbitalEnergies.Select(e => Math.Round(e, 9)));
        Assert.Equal(-1, result.Quantum.Homo, 9);
        Assert.Equal(1, result.Quantum.Lumo, 9);
        Assert.Equal(78.114, result.Descriptors!.MolWeight, 3);
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(5, 1.7320508075688772)]
    public void Jacobi_finds_path_graph_eigenvalues(int n, double largest)
    {
        // A path of n atoms has eigenvalues 2cos(kπ/(n+1)); for n=2: ±1, for n=5: ±√3, ±1, 0.
        var a = new double[n * n];
        for (var i = 0; i + 1 < n; i++) a[i * n + i + 1] = a[(i + 1) * n + i] = 1;
        var values = HuckelScreeningScorer.JacobiEigenvalues(a, n);
        Assert.Equal(largest, values.Max(), 10);
        for (var k = 1; k <= n; k++)
            Assert.Contains(values, v => Math.Abs(v - 2 * Math.Cos(k * Math.PI / (n + 1))) < 1e-10);
    }

    [Fact]
    public async Task Invalid_smiles_is_a_failure_result_not_an_exception()
    {
        var result = await new HuckelScreeningScorer().ScoreAsync("C1CC(", new ScoringSettings(Method: "huckel"), null, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
    }
}
