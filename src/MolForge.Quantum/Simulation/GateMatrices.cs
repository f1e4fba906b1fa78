using System.Numerics;

namespace MolForge.Quantum.Simulation;

/// <summary>A 2×2 complex matrix [[M00, M01], [M10, M11]] acting on one qubit (|0⟩, |1⟩ order).</summary>
public readonly record struct Matrix2(Complex M00, Complex M01, Complex M10, Complex M11)
{
    /// <summary>Identity.</summary>
    public static Matrix2 Identity => new(1, 0, 0, 1);

    /// <summary>Pauli X.</summary>
    public static Matrix2 X => new(0, 1, 1, 0);

    /// <summary>Pauli Y.</summary>
    public static Matrix2 Y => new(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    /// <summary>Pauli Z.</summary>
    public static Matrix2 Z => new(1, 0, 0, -1);

    /// <summary>Hadamard.</summary>
    public static Matrix2 H => new(Math.Sqrt(0.5), Math.Sqrt(0.5), Math.Sqrt(0.5), -Math.Sqrt(0.5));

    /// <summary>exp(−iθX/2).</summary>
    public static Matrix2 Rx(double theta) => new(Math.Cos(theta / 2), new Complex(0, -Math.Sin(theta / 2)), new Complex(0, -Math.Sin(theta / 2)), Math.Cos(theta / 2));

    /// <summary>exp(−iθY/2).</summary>
    public static Matrix2 Ry(double theta) => new(Math.Cos(theta / 2), -Math.Sin(theta / 2), Math.Sin(theta / 2), Math.Cos(theta / 2));

    /// <summary>exp(−iθZ/2).</summary>
    public static Matrix2 Rz(double theta) => new(Complex.FromPolarCoordinates(1, -theta / 2), 0, 0, Complex.FromPolarCoordinates(1, theta / 2));

    /// <summary>Product a·b (b acts first).</summary>
    public static Matrix2 operator *(Matrix2 a, Matrix2 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10, a.M00 * b.M01 + a.M01 * b.M11,
        a.M10 * b.M00 + a.M11 * b.M10, a.M10 * b.M01 + a.M11 * b.M11);

    /// <summary>Conjugate transpose.</summary>
    public Matrix2 Adjoint() => new(Complex.Conjugate(M00), Complex.Conjugate(M10), Complex.Conjugate(M01), Complex.Conjugate(M11));

    /// <summary>A random unitary (QR of a complex Gaussian matrix, Mezzadri 2007, 2×2 case via Gram–Schmidt).</summary>
    public static Matrix2 RandomUnitary(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Complex G() => new(Gauss(rng), Gauss(rng));
        Complex a = G(), c = G();
        double na = Math.Sqrt(a.Magnitude * a.Magnitude + c.Magnitude * c.Magnitude);
        a /= na; c /= na;
        Complex b = G(), d = G();
        Complex proj = Complex.Conjugate(a) * b + Complex.Conjugate(c) * d;
        b -= proj * a; d -= proj * c;
        double nb = Math.Sqrt(b.Magnitude * b.Magnitude + d.Magnitude * d.Magnitude);
        return new Matrix2(a, b / nb, c, d / nb);
    }

    internal static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>
/// A 4×4 complex matrix on two qubits (q0, q1); row/column index = bit(q0) + 2·bit(q1). Immutable.
/// </summary>
public sealed class Matrix4
{
    private readonly Complex[] _m;

    /// <summary>From 16 row-major entries.</summary>
    public Matrix4(ReadOnlySpan<Complex> rowMajor)
    {
        if (rowMajor.Length != 16) throw new ArgumentException("A 4×4 matrix needs 16 entries.", nameof(rowMajor));
        _m = rowMajor.ToArray();
    }

    /// <summary>Entry (row, column).</summary>
    public Complex this[int row, int col] => _m[row * 4 + col];

    /// <summary>Identity.</summary>
    public static Matrix4 Identity => Kron(Matrix2.Identity, Matrix2.Identity);

    /// <summary>CNOT with control q0 (bit 0) and target q1 (bit 1).</summary>
    public static Matrix4 Cnot => Controlled(Matrix2.X);

    /// <summary>CZ.</summary>
    public static Matrix4 Cz => Controlled(Matrix2.Z);

    /// <summary>Controlled-U with control q0 and target q1.</summary>
    public static Matrix4 Controlled(Matrix2 u)
    {
        var m = new Complex[16];
        m[0] = 1; m[2 * 4 + 2] = 1;
        m[1 * 4 + 1] = u.M00; m[1 * 4 + 3] = u.M01; m[3 * 4 + 1] = u.M10; m[3 * 4 + 3] = u.M11;
        return new Matrix4(m);
    }

    /// <summary>u1 on q1 (high bit) ⊗ u0 on q0 (low bit).</summary>
    public static Matrix4 Kron(Matrix2 u1, Matrix2 u0)
    {
        var m = new Complex[16];
        Span<Complex> a = [u0.M00, u0.M01, u0.M10, u0.M11];
        Span<Complex> b = [u1.M00, u1.M01, u1.M10, u1.M11];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                m[r * 4 + c] = b[(r >> 1) * 2 + (c >> 1)] * a[(r & 1) * 2 + (c & 1)];
        return new Matrix4(m);
    }

    /// <summary>Product a·b (b acts first).</summary>
    public static Matrix4 operator *(Matrix4 a, Matrix4 b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var m = new Complex[16];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
            {
                Complex s = 0;
                for (int k = 0; k < 4; k++) s += a[r, k] * b[k, c];
                m[r * 4 + c] = s;
            }
        return new Matrix4(m);
    }

    /// <summary>The same operator with the roles of the two qubits exchanged.</summary>
    public Matrix4 SwapQubits()
    {
        static int S(int i) => ((i & 1) << 1) | (i >> 1);
        var m = new Complex[16];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) m[S(r) * 4 + S(c)] = this[r, c];
        return new Matrix4(m);
    }

    /// <summary>Conjugate transpose.</summary>
    public Matrix4 Adjoint()
    {
        var m = new Complex[16];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) m[c * 4 + r] = Complex.Conjugate(this[r, c]);
        return new Matrix4(m);
    }

    /// <summary>A random unitary (Gram–Schmidt of a complex Gaussian matrix).</summary>
    public static Matrix4 RandomUnitary(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var cols = new Complex[4][];
        for (int c = 0; c < 4; c++)
        {
            var v = new Complex[4];
            for (int r = 0; r < 4; r++) v[r] = new Complex(Matrix2.Gauss(rng), Matrix2.Gauss(rng));
            for (int p = 0; p < c; p++)
            {
                Complex dot = 0;
                for (int r = 0; r < 4; r++) dot += Complex.Conjugate(cols[p][r]) * v[r];
                for (int r = 0; r < 4; r++) v[r] -= dot * cols[p][r];
            }
            double norm = Math.Sqrt(v.Sum(z => z.Magnitude * z.Magnitude));
            for (int r = 0; r < 4; r++) v[r] /= norm;
            cols[c] = v;
        }
        var m = new Complex[16];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) m[r * 4 + c] = cols[c][r];
        return new Matrix4(m);
    }

    internal ReadOnlySpan<Complex> Span => _m;
}
