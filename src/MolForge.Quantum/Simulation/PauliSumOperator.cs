using System.Numerics;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Simulation;

/// <summary>
/// A qubit operator prepared for fast application to state vectors: terms grouped by their X mask, so that
///   (Hψ)[c] = Σ_x d_x[c⊕x] ψ[c⊕x],   d_x[b] = Σ_{t: x_t = x} c_t i^{nY_t} (−1)^{|b∧z_t|},
/// one diagonal per group (precomputed when it fits a memory budget, else evaluated on the fly). Each output
/// amplitude is written by one thread only, so rows are split over threads without locks.
/// </summary>
public sealed class PauliSumOperator
{
    private readonly ulong[] _xMasks;
    private readonly ulong[][] _z;
    private readonly Complex[][] _w;
    private readonly double[][]? _diagRe;
    private readonly double[][]? _diagIm;

    /// <summary>Largest number of precomputed diagonal entries (groups × 2^n).</summary>
    public const long DiagonalBudget = 1L << 24;

    /// <summary>Prepares <paramref name="op"/> for an <paramref name="qubitCount"/>-qubit register.</summary>
    public PauliSumOperator(QubitOperator op, int qubitCount)
    {
        ArgumentNullException.ThrowIfNull(op);
        StateVector.EnsureFits(qubitCount);
        op.EnsureWithin(qubitCount, "observable");
        QubitCount = qubitCount;
        Source = op;
        var groups = op.Terms.GroupBy(t => t.Key.X).OrderBy(g => g.Key).ToList();
        _xMasks = groups.Select(g => g.Key).ToArray();
        _z = groups.Select(g => g.Select(t => t.Key.Z).ToArray()).ToArray();
        _w = groups.Select(g => g.Select(t => t.Value * PauliString.IPower(t.Key.YCount)).ToArray()).ToArray();
        long dim = 1L << qubitCount;
        if (groups.Count * dim <= DiagonalBudget)
        {
            _diagRe = new double[groups.Count][];
            bool anyImag = _w.Any(ws => ws.Any(w => w.Imaginary != 0));
            if (anyImag) _diagIm = new double[groups.Count][];
            for (int g = 0; g < groups.Count; g++)
            {
                var re = _diagRe[g] = new double[dim];
                var im = anyImag ? (_diagIm![g] = new double[dim]) : null;
                for (int t = 0; t < _z[g].Length; t++)
                {
                    ulong z = _z[g][t];
                    double wr = _w[g][t].Real, wi = _w[g][t].Imaginary;
                    for (long b = 0; b < dim; b++)
                    {
                        bool neg = (BitOperations.PopCount((ulong)b & z) & 1) != 0;
                        re[b] += neg ? -wr : wr;
                        if (im != null) im[b] += neg ? -wi : wi;
                    }
                }
            }
        }
    }

    /// <summary>The operator this was built from.</summary>
    public QubitOperator Source { get; }

    /// <summary>Register size.</summary>
    public int QubitCount { get; }

    /// <summary>Number of distinct X masks (the non-zeros per row of the matrix).</summary>
    public int GroupCount => _xMasks.Length;

    /// <summary>Number of Pauli terms.</summary>
    public int TermCount => _z.Sum(z => z.Length);

    /// <summary>result ← H ψ.</summary>
    public void Apply(ReadOnlySpan<Complex> psi, Span<Complex> result)
    {
        long dim = 1L << QubitCount;
        if (psi.Length != dim || result.Length != dim) throw new ArgumentException($"Expected states of {dim} amplitudes.");
        result.Clear();
        for (int g = 0; g < _xMasks.Length; g++)
        {
            long x = (long)_xMasks[g];
            if (_diagRe != null)
            {
                var re = _diagRe[g];
                var im = _diagIm?[g];
                if (im == null)
                    for (long c = 0; c < dim; c++) { long b = c ^ x; result[(int)c] += re[b] * psi[(int)b]; }
                else
                    for (long c = 0; c < dim; c++) { long b = c ^ x; result[(int)c] += new Complex(re[b], im[b]) * psi[(int)b]; }
            }
            else
            {
                var zs = _z[g];
                var ws = _w[g];
                for (long c = 0; c < dim; c++)
                {
                    long b = c ^ x;
                    Complex d = 0;
                    for (int t = 0; t < zs.Length; t++)
                        d += (BitOperations.PopCount((ulong)b & zs[t]) & 1) != 0 ? -ws[t] : ws[t];
                    result[(int)c] += d * psi[(int)b];
                }
            }
        }
    }

    /// <summary>⟨ψ|H|ψ⟩ (real part), using <paramref name="scratch"/> for Hψ.</summary>
    public double Expectation(ReadOnlySpan<Complex> psi, Span<Complex> scratch)
    {
        Apply(psi, scratch);
        return InnerProduct(psi, scratch).Real;
    }

    /// <summary>The matrix element ⟨c|H|b⟩ for basis states.</summary>
    public Complex Element(ulong row, ulong column)
    {
        ulong x = row ^ column;
        int g = Array.BinarySearch(_xMasks, x);
        if (g < 0) return 0;
        if (_diagRe != null) return new Complex(_diagRe[g][column], _diagIm?[g][column] ?? 0);
        Complex d = 0;
        for (int t = 0; t < _z[g].Length; t++)
            d += (BitOperations.PopCount(column & _z[g][t]) & 1) != 0 ? -_w[g][t] : _w[g][t];
        return d;
    }

    /// <summary>X masks of the groups (sorted), for sector-restricted solvers.</summary>
    public ReadOnlySpan<ulong> XMasks => _xMasks;

    /// <summary>⟨a|b⟩.</summary>
    public static Complex InnerProduct(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double re = 0, im = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double ar = a[i].Real, ai = a[i].Imaginary, br = b[i].Real, bi = b[i].Imaginary;
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
        }
        return new Complex(re, im);
    }
}
