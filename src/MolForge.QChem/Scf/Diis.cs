using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Scf;

/// <summary>Pulay's direct inversion in the iterative subspace (Chem. Phys. Lett. 73, 393 (1980); J. Comput.
/// Chem. 3, 556 (1982)): the Fock matrix as the combination of earlier ones that minimises the norm of the
/// commutator error FDS − SDF.</summary>
internal sealed class Diis(int size)
{
    private readonly List<(Matrix F, Matrix E)> _items = [];

    public Matrix Extrapolate(Matrix fock, Matrix error)
    {
        if (size <= 0) return fock;
        _items.Add((fock.Clone(), error));
        if (_items.Count > size) _items.RemoveAt(0);
        var m = _items.Count;
        if (m < 2) return fock;
        var b = new double[(m + 1) * (m + 1)];
        var rhs = new double[m + 1];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var v = Matrix.Dot(_items[i].E, _items[j].E);
                b[i * (m + 1) + j] = v;
                b[j * (m + 1) + i] = v;
            }
            b[i * (m + 1) + m] = -1;
            b[m * (m + 1) + i] = -1;
        }
        rhs[m] = -1;
        // scale for conditioning
        var scale = 0.0;
        for (var i = 0; i < m; i++) scale = Math.Max(scale, b[i * (m + 1) + i]);
        if (scale > 0)
            for (var i = 0; i < m; i++)
                for (var j = 0; j < m; j++) b[i * (m + 1) + j] /= scale;
        var c = Solve(b, rhs, m + 1);
        if (c is null)
        {
            _items.RemoveAt(0);
            return fock;
        }
        var result = new Matrix(fock.Rows, fock.Cols);
        for (var i = 0; i < m; i++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_items[i].F.Data, c[i], result.Data, result.Data);
        return result;
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? Solve(double[] a, double[] b, int n)
    {
        a = (double[])a.Clone();
        b = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var piv = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(a[r * n + col]) > Math.Abs(a[piv * n + col])) piv = r;
            if (Math.Abs(a[piv * n + col]) < 1e-14) return null;
            if (piv != col)
            {
                for (var k = 0; k < n; k++) (a[col * n + k], a[piv * n + k]) = (a[piv * n + k], a[col * n + k]);
                (b[col], b[piv]) = (b[piv], b[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var f = a[r * n + col] / a[col * n + col];
                for (var k = col; k < n; k++) a[r * n + k] -= f * a[col * n + k];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
            x[r] = s / a[r * n + r];
        }
        return x;
    }
}
