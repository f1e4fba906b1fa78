namespace MolForge.QChem.LinearAlgebra;

/// <summary>A dense row-major matrix of doubles (the sizes here are a few hundred, so plain loops in i-k-j order
/// with spans are enough).</summary>
public sealed class Matrix
{
    /// <summary>Zero matrix.</summary>
    public Matrix(int rows, int cols)
    {
        Rows = rows; Cols = cols; Data = new double[rows * cols];
    }

    /// <summary>Wraps existing row-major data.</summary>
    public Matrix(int rows, int cols, double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * cols) throw new ArgumentException("data length does not match the shape", nameof(data));
        Rows = rows; Cols = cols; Data = data;
    }

    /// <summary>Rows.</summary>
    public int Rows { get; }
    /// <summary>Columns.</summary>
    public int Cols { get; }
    /// <summary>Row-major storage.</summary>
    public double[] Data { get; }

    /// <summary>Element (i, j).</summary>
    public double this[int i, int j]
    {
        get => Data[i * Cols + j];
        set => Data[i * Cols + j] = value;
    }

    /// <summary>A copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (double[])Data.Clone());

    /// <summary>Identity.</summary>
    public static Matrix Identity(int n)
    {
        var m = new Matrix(n, n);
        for (var i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    /// <summary>Transpose.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Cols, Rows);
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < Cols; j++) t.Data[j * Rows + i] = Data[i * Cols + j];
        return t;
    }

    /// <summary>A·B.</summary>
    public static Matrix Multiply(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows) throw new ArgumentException("shapes do not match");
        var c = new Matrix(a.Rows, b.Cols);
        int n = a.Rows, k = a.Cols, m = b.Cols;
        var body = (int i) =>
        {
            var row = c.Data.AsSpan(i * m, m);
            for (var p = 0; p < k; p++)
            {
                var aip = a.Data[i * k + p];
                if (aip == 0) continue;
                var brow = b.Data.AsSpan(p * m, m);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(brow, aip, row, row);
            }
        };
        if ((long)n * k * m > 2_000_000) Parallel.For(0, n, body);
        else for (var i = 0; i < n; i++) body(i);
        return c;
    }

    /// <summary>Aᵀ·B.</summary>
    public static Matrix MultiplyTransposeA(Matrix a, Matrix b) => Multiply(a.Transpose(), b);

    /// <summary>Xᵀ·A·X.</summary>
    public static Matrix Transform(Matrix x, Matrix a) => Multiply(x.Transpose(), Multiply(a, x));

    /// <summary>Σ_ij A_ij B_ij.</summary>
    public static double Dot(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return System.Numerics.Tensors.TensorPrimitives.Dot(a.Data, b.Data);
    }

    /// <summary>A + s·B (new matrix).</summary>
    public static Matrix AddScaled(Matrix a, Matrix b, double s)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = a.Clone();
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.Data, s, c.Data, c.Data);
        return c;
    }
}
