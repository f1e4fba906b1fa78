using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Scf;

/// <summary>Superposition of atomic densities (Almlöf, Faegri &amp; Korsell 1982; Van Lenthe et al. 2006): each
/// distinct element gets a spin-averaged atomic SCF in its own basis functions in which the core orbitals hold two
/// electrons and the valence electrons are spread evenly over the valence orbitals (ns, np; for the transition
/// metals also (n−1)d); the molecular guess is the block-diagonal sum.</summary>
internal static class SadGuess
{
    public static Matrix Density(BasisSet basis, IReadOnlyList<int> atomicNumbers, ScfOptions options)
    {
        var n = basis.FunctionCount;
        var d = new Matrix(n, n);
        var cache = new Dictionary<int, Matrix>();
        var file = GaussianBasisFile.Load(basis.Name);
        for (var a = 0; a < atomicNumbers.Count; a++)
        {
            var z = atomicNumbers[a];
            if (!cache.TryGetValue(z, out var atomic))
            {
                atomic = AtomDensity(file, z, options);
                cache[z] = atomic;
            }
            var first = basis.Shells.First(s => s.Atom == a).FirstFunction;
            for (var i = 0; i < atomic.Rows; i++)
                for (var j = 0; j < atomic.Cols; j++) d[first + i, first + j] = atomic[i, j];
        }
        return d;
    }

    private static (int Core, int Valence) Shells(int z) => z switch
    {
        <= 2 => (0, 1),
        <= 10 => (1, 4),
        <= 18 => (5, 4),
        <= 20 => (9, 4),
        <= 30 => (9, 9),
        <= 36 => (14, 4),
        <= 38 => (18, 4),
        <= 48 => (18, 9),
        _ => (23, 4),
    };

    private static Matrix AtomDensity(GaussianBasisFile file, int z, ScfOptions options)
    {
        var basis = BasisSet.Build(file, [z], [0.0, 0.0, 0.0]);
        var n = basis.FunctionCount;
        var s = OneElectronIntegrals.Overlap(basis);
        var h = Matrix.AddScaled(OneElectronIntegrals.Kinetic(basis), OneElectronIntegrals.NuclearAttraction(basis), 1.0);
        var x = RhfSolver.Orthogonaliser(s);
        var (core, valence) = Shells(z);
        var nmo = x.Cols;
        valence = Math.Min(valence, nmo - core);
        var occ = new double[nmo];
        var remaining = (double)z;
        for (var i = 0; i < core && i < nmo; i++) { occ[i] = 2; remaining -= 2; }
        for (var i = core; i < core + valence; i++) occ[i] = Math.Min(2.0, remaining / valence);
        var builder = new FockBuilder(basis, 1e-12, 1L << 26);
        var (_, c) = RhfSolver.Diagonalise(h, x);
        var d = Occupied(c, occ);
        var diis = new Diis(6);
        for (var iter = 0; iter < 60; iter++)
        {
            var f = Matrix.AddScaled(h, builder.Build(d), 1.0);
            var fds = Matrix.Multiply(Matrix.Multiply(f, d), s);
            var err = Matrix.Transform(x, Matrix.AddScaled(fds, fds.Transpose(), -1.0));
            (_, c) = RhfSolver.Diagonalise(diis.Extrapolate(f, err), x);
            var dn = Occupied(c, occ);
            var change = 0.0;
            for (var i = 0; i < dn.Data.Length; i++) change = Math.Max(change, Math.Abs(dn.Data[i] - d.Data[i]));
            d = dn;
            if (change < 1e-6) break;
        }
        _ = options;
        _ = n;
        return d;
    }

    private static Matrix Occupied(Matrix c, double[] occ)
    {
        var n = c.Rows;
        var d = new Matrix(n, n);
        for (var k = 0; k < occ.Length; k++)
        {
            if (occ[k] == 0) continue;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) d[i, j] += occ[k] * c[i, k] * c[j, k];
        }
        return d;
    }
}
