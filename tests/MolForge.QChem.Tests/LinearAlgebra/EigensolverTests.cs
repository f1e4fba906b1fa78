using FsCheck;
using FsCheck.Fluent;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Tests.LinearAlgebra;

public class EigensolverTests
{
    [Fact]
    public void Random_symmetric_matrices_are_diagonalised()
    {
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, 100000).ToArbitrary(), (n, seed) =>
        {
            var rnd = new Random(seed);
            var a = new Matrix(n, n);
            for (var i = 0; i < n; i++)
                for (var j = 0; j <= i; j++)
                {
                    // include exact degeneracies and zeros now and then
                    var v = rnd.Next(5) == 0 ? 0 : Math.Round(rnd.NextDouble() * 4 - 2, rnd.Next(2) == 0 ? 1 : 12);
                    a[i, j] = v;
                    a[j, i] = v;
                }
            var (values, vectors) = SymmetricEigensolver.Solve(a);
            var av = Matrix.Multiply(a, vectors);
            var vtv = Matrix.Multiply(vectors.Transpose(), vectors);
            for (var k = 0; k < n; k++)
            {
                if (k > 0 && values[k] < values[k - 1]) return false;
                for (var i = 0; i < n; i++)
                {
                    if (Math.Abs(av[i, k] - values[k] * vectors[i, k]) > 1e-10) return false;
                    if (Math.Abs(vtv[i, k] - (i == k ? 1 : 0)) > 1e-10) return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Known_spectrum()
    {
        var a = new Matrix(3, 3, [2, -1, 0, -1, 2, -1, 0, -1, 2]);
        var (values, _) = SymmetricEigensolver.Solve(a);
        Assert.Equal(2 - Math.Sqrt(2), values[0], 1e-14);
        Assert.Equal(2, values[1], 1e-14);
        Assert.Equal(2 + Math.Sqrt(2), values[2], 1e-14);
    }
}
