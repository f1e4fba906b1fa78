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
        ApplyPauliChannel([(PauliString.Single('X', q), p / 3), (PauliString.Single('Y', q), p / 3), (PauliString.Single('Z', q), p / 3)]);
    }

    /// <summary>Two-qubit depolarising channel with probability p (p/15 for each non-identity Pauli pair).</summary>
    public void Depolarize(int q0, int q1, double p)
    {
        if (p == 0) return;
        var terms = new (PauliString, double)[15];
        int k = 0;
        const string letters = "IXYZ";
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                if (a == 0 && b == 0) continue;
                var pa = a == 0 ? PauliString.Identity : PauliString.Single(letters[a], q0);
                var pb = b == 0 ? PauliString.Identity : PauliString.Single(letters[b], q1);
                terms[k++] = (new PauliString(pa.X | pb.X, pa.Z | pb.Z), p / 15);
            }
        ApplyPauliChannel(terms);
    }
}
