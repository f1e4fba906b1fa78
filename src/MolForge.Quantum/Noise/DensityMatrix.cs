using System.Numerics;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Noise;

/// <summary>
/// An n-qubit density matrix stored as its vectorisation, a 2n-qubit state: ρ[r, c] is amplitude r·2^n + c, so the
/// column index holds qubits 0..n−1 and the row index qubits n..2n−1. Then UρU† is U on the row qubits and U* on the
/// column qubits, and the state-vector kernels apply unchanged (the "vectorised" or Choi picture; Watrous, The
/// Theory of Quantum Information, §2.2). Meant for small registers (n ≤ 10).
/// </summary>
public sealed class DensityMatrix
{
    /// <summary>The largest register simulated by density matrix.</summary>
    public const int MaxQubits = 10;

    private readonly StateVector _vec;

    /// <summary>|0…0⟩⟨0…0|.</summary>
    public DensityMatrix(int qubitCount)
    {
        if (qubitCount < 1 || qubitCount > MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, $"Density-matrix simulation supports 1..{MaxQubits} qubits.");
        QubitCount = qubitCount;
        _vec = new StateVector(2 * qubitCount);
    }

    /// <summary>Number of qubits.</summary>
    public int QubitCount { get; }

    /// <summary>2^n.</summary>
    public int Dimension => 1 << QubitCount;

    /// <summary>ρ[row, column].</summary>
    public Complex this[int row, int column] => _vec.Amplitudes[(row << QubitCount) | column];

    /// <summary>|ψ⟩⟨ψ|.</summary>
    public static DensityMatrix FromPure(StateVector psi)
    {
        ArgumentNullException.ThrowIfNull(psi);
        var rho = new DensityMatrix(psi.QubitCount);
        var a = psi.Amplitudes;
        var v = rho._vec.Amplitudes;
        int n = psi.QubitCount;
        for (int r = 0; r < a.Length; r++)
            for (int c = 0; c < a.Length; c++) v[(r << n) | c] = a[r] * Complex.Conjugate(a[c]);
        return rho;
    }

    /// <summary>A copy.</summary>
    public DensityMatrix Clone()
    {
        var d = new DensityMatrix(QubitCount);
        d._vec.CopyFrom(_vec);
        return d;
    }

    /// <summary>Tr ρ.</summary>
    public double Trace()
    {
        double t = 0;
        for (int b = 0; b < Dimension; b++) t += this[b, b].Real;
        return t;
    }

    /// <summary>Tr ρ².</summary>
    public double Purity() => _vec.NormSquared();

    /// <summary>The computational-basis outcome probabilities diag(ρ).</summary>
    public double[] Probabilities()
    {
        var p = new double[Dimension];
        for (int b = 0; b < p.Length; b++) p[b] = Math.Max(0, this[b, b].Real);
        return p;
    }

    /// <summary>Tr(ρH) for a Hermitian operator: Σ_P c_P Σ_b ρ[b, b⊕x] i^{nY} (−1)^{|b∧z|}.</summary>
    public double Expectation(QubitOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        op.EnsureWithin(QubitCount, "observable");
        double e = 0;
        foreach (var (p, c) in op.Terms)
        {
            Complex s = 0;
            for (int b = 0; b < Dimension; b++)
            {
                var rho = this[b, b ^ (int)p.X];
                s += (BitOperations.PopCount((ulong)b & p.Z) & 1) != 0 ? -rho : rho;
            }
            e += (c * s * PauliString.IPower(p.YCount)).Real;
        }
        return e;
    }

    /// <summary>ρ ← UρU† for a gate with bound parameters.</summary>
    public void Apply(Gate gate, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(gate);
        int n = QubitCount;
        switch (gate)
        {
            case SingleQubitGate s:
                _vec.Apply(s.Target + n, s.Matrix);
                _vec.Apply(s.Target, Conj(s.Matrix));
                break;
            case ControlledGate c:
                _vec.ApplyControlled(c.Control + n, c.Target + n, c.Matrix);
                _vec.ApplyControlled(c.Control, c.Target, Conj(c.Matrix));
                break;
            case PauliRotationGate r:
                // conj(exp(−iaP)) = exp(ia P*) with P* = (−1)^{nY} P
                double a = r.AngleFor(parameters);
                _vec.ApplyPauliRotation(new PauliString(r.Pauli.X << n, r.Pauli.Z << n), a);
                _vec.ApplyPauliRotation(r.Pauli, (r.Pauli.YCount & 1) != 0 ? a : -a);
                break;
            default:
                throw new NotSupportedException($"Gate '{gate.Name}' ({gate.GetType().Name}) is not supported by the density-matrix simulator.");
        }
    }

    private static Matrix2 Conj(in Matrix2 m) =>
        new(Complex.Conjugate(m.M00), Complex.Conjugate(m.M01), Complex.Conjugate(m.M10), Complex.Conjugate(m.M11));

    /// <summary>
    /// ρ ← (1 − Σw)ρ + Σ_P w_P PρP for Pauli strings P (a Pauli channel). In the vectorised picture P⊗P* maps
    /// |b⟩ to (−1)^{|b∧z'|}|b⊕x'⟩ with x' = x·2^n + x, z' likewise: the Y phases cancel.
    /// </summary>
    public void ApplyPauliChannel(ReadOnlySpan<(PauliString Pauli, double Weight)> terms)
    {
        double total = 0;
        foreach (var t in terms) total += t.Weight;
        if (total == 0) return;
        var src = _vec.Amplitudes.ToArray();
        var dst = _vec.Amplitudes;
        for (int i = 0; i < dst.Length; i++) dst[i] = (1 - total) * src[i];
        int n = QubitCount;
        foreach (var (p, w) in terms)
        {
            ulong x = (p.X << n) | p.X, z = (p.Z << n) | p.Z;
            for (int b = 0; b < src.Length; b++)
            {
                var v = w * src[b];
                dst[(int)((ulong)b ^ x)] += (BitOperations.PopCount((ulong)b & z) & 1) != 0 ? -v : v;
            }
        }
    }

    /// <summary>
    /// A one-qubit channel in Kraus form, ρ ← Σ_k K_k ρ K_k† (K_k on the row qubit, K_k* on the column qubit of the
    /// vectorised ρ). The Kraus operators must satisfy Σ K†K = I for the trace to be kept.
    /// </summary>
    public void ApplyKraus(int q, ReadOnlySpan<Matrix2> kraus)
    {
        if ((uint)q >= (uint)QubitCount) throw new ArgumentOutOfRangeException(nameof(q), q, $"Qubit outside the {QubitCount}-qubit register.");
        if (kraus.Length == 0) return;
        int n = QubitCount;
        var original = new StateVector(2 * n, _vec.Settings);
        original.CopyFrom(_vec);
        var term = new StateVector(2 * n, _vec.Settings);
        var acc = _vec.Amplitudes;
        acc.Clear();
        foreach (var k in kraus)
        {
            term.CopyFrom(original);
            term.Apply(q + n, k);
            term.Apply(q, Conj(k));
            var t = term.Amplitudes;
            for (int i = 0; i < acc.Length; i++) acc[i] += t[i];
        }
    }

    /// <summary>Amplitude damping (T1 decay |1⟩ → |0⟩ with probability γ): K0 = diag(1, √(1−γ)), K1 = √γ |0⟩⟨1|.</summary>
    public void AmplitudeDamp(int q, double gamma)
    {
        if (gamma == 0) return;
        ApplyKraus(q, [new Matrix2(1, 0, 0, Math.Sqrt(1 - gamma)), new Matrix2(0, Math.Sqrt(gamma), 0, 0)]);
    }

    /// <summary>Phase damping (pure dephasing, coherences scaled by √(1−λ)): K0 = diag(1, √(1−λ)), K1 = diag(0, √λ).</summary>
    public void PhaseDamp(int q, double lambda)
    {
        if (lambda == 0) return;
        ApplyKraus(q, [new Matrix2(1, 0, 0, Math.Sqrt(1 - lambda)), new Matrix2(0, 0, 0, Math.Sqrt(lambda))]);
    }

    /// <summary>One-qubit depolarising channel with probability p (p/3 for each of X, Y, Z).</summary>
    public void Depolarize(int q, double p)
    {
        if (p == 0) return;
        if ((uint)q >= (uint)QubitCount) throw new ArgumentOutOfRangeException(nameof(q), q, $"Qubit outside the {QubitCount}-qubit register.");
        DepolarizeSubsystem(1UL << q, 1, p);
    }

    /// <summary>Two-qubit depolarising channel with probability p (p/15 for each non-identity Pauli pair).</summary>
    public void Depolarize(int q0, int q1, double p)
    {
        if (p == 0) return;
        if ((uint)q0 >= (uint)QubitCount || (uint)q1 >= (uint)QubitCount || q0 == q1)
            throw new ArgumentOutOfRangeException(nameof(q1), q1, $"Two different qubits inside the {QubitCount}-qubit register are needed.");
        DepolarizeSubsystem((1UL << q0) | (1UL << q1), 2, p);
    }

    /// <summary>
    /// The depolarising channel on k qubits S (d = 2^k) in closed form: Σ over all d² Paulis PρP = d·(I_S ⊗ Tr_S ρ), so
    /// (1 − p)ρ + p/(d²−1) Σ_{P≠I} PρP = λρ + (1 − λ)(I_S/d ⊗ Tr_S ρ) with λ = 1 − d²p/(d²−1) (Nielsen &amp; Chuang
    /// §8.3.4). One pass over ρ, in place, without allocation: for every block of entries that differ only in the row
    /// and column bits of S, scale by λ and add (1 − λ)/d times the block's partial trace to its S-diagonal entries.
    /// Equals <see cref="ApplyPauliChannel"/> with the d² − 1 Pauli terms.
    /// </summary>
    private void DepolarizeSubsystem(ulong columnMask, int k, double p)
    {
        int n = QubitCount;
        int d = 1 << k;
        double lambda = 1 - d * d * p / (d * d - 1);
        double share = (1 - lambda) / d;
        ulong rowMask = columnMask << n;
        ulong mask = rowMask | columnMask;
        // the bit positions of S (column side), low to high
        Span<int> bits = stackalloc int[2];
        int nb = 0;
        for (int b = 0; b < n; b++) if (((columnMask >> b) & 1) != 0) bits[nb++] = b;
        // offsets of the S-diagonal entries (row bits = column bits) and of all 4^k block entries
        Span<int> diagonal = stackalloc int[4];
        for (int s = 0; s < d; s++)
        {
            int off = 0;
            for (int j = 0; j < k; j++)
                if (((s >> j) & 1) != 0) off |= (1 << bits[j]) | (1 << (bits[j] + n));
            diagonal[s] = off;
        }
        Span<int> block = stackalloc int[16];
        for (int s = 0; s < d * d; s++)
        {
            int off = 0;
            for (int j = 0; j < k; j++)
            {
                if (((s >> j) & 1) != 0) off |= 1 << bits[j];
                if (((s >> (j + k)) & 1) != 0) off |= 1 << (bits[j] + n);
            }
            block[s] = off;
        }
        var v = _vec.Amplitudes;
        for (int i = 0; i < v.Length; i++)
        {
            if (((ulong)i & mask) != 0) continue;
            Complex trace = 0;
            for (int s = 0; s < d; s++) trace += v[i | diagonal[s]];
            for (int s = 0; s < d * d; s++) v[i | block[s]] *= lambda;
            var add = share * trace;
            for (int s = 0; s < d; s++) v[i | diagonal[s]] += add;
        }
    }
}
