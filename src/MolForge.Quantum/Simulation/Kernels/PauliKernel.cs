using System.Numerics;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>
/// Pauli-string kernels applied straight from the masks, never as matrices (qulacs
/// update_ops_multi_fused/expectation_value_multi_qubit_Pauli_operator): with P|b⟩ = i^{n_Y} (−1)^{|b∧z|} |b⊕x⟩,
///   exp(−iθP) ψ: pairs (b, b⊕x) mix as cos θ ψ − i sin θ P ψ, and a diagonal P (x = 0) is a phase per amplitude;
///   ⟨φ|P|ψ⟩ = i^{n_Y} Σ_b (−1)^{|b∧z|} conj(φ[b⊕x]) ψ[b].
/// </summary>
public static unsafe class PauliKernel
{
    /// <summary>ψ ← exp(−iθP) ψ.</summary>
    public static void ApplyRotation(Span<Complex> state, PauliString p, double theta, KernelSettings settings = default)
    {
        CheckSupport(state.Length, p);
        fixed (Complex* s = state)
        {
            if (p.X == 0) BlockParallel.For(state.Length, settings, new DiagonalBody((nint)s, p.Z, theta));
            else BlockParallel.For(state.Length / 2, settings, new RotationBody((nint)s, p, theta));
        }
    }

    /// <summary>ψ ← P ψ.</summary>
    public static void Apply(Span<Complex> state, PauliString p)
    {
        CheckSupport(state.Length, p);
        // P = exp(−iπ/2 P)·i
        ApplyRotation(state, p, Math.PI / 2, KernelSettings.Default);
        for (int i = 0; i < state.Length; i++) state[i] *= Complex.ImaginaryOne;
    }

    /// <summary>⟨φ|P|ψ⟩.</summary>
    public static Complex Transition(ReadOnlySpan<Complex> phi, ReadOnlySpan<Complex> psi, PauliString p)
    {
        if (phi.Length != psi.Length) throw new ArgumentException("States of different sizes.");
        CheckSupport(psi.Length, p);
        double re = 0, im = 0;
        ulong x = p.X, z = p.Z;
        fixed (Complex* pf = phi, ps = psi)
        {
            double* f = (double*)pf, s = (double*)ps;
            long len = psi.Length;
            for (long b = 0; b < len; b++)
            {
                long c = b ^ (long)x;
                double fr = f[2 * c], fi = -f[2 * c + 1], sr = s[2 * b], si = s[2 * b + 1];
                double sign = 1 - 2 * (BitOperations.PopCount((ulong)b & z) & 1); // branch-free (−1)^{|b∧z|}
                re += sign * (fr * sr - fi * si);
                im += sign * (fr * si + fi * sr);
            }
        }
        return new Complex(re, im) * PauliString.IPower(p.YCount);
    }

    /// <summary>⟨ψ|P|ψ⟩ (real for a normalised or unnormalised state, P Hermitian).</summary>
    public static double Expectation(ReadOnlySpan<Complex> psi, PauliString p) => Transition(psi, psi, p).Real;

    private static void CheckSupport(int length, PauliString p)
    {
        if (length < 1 || !BitOperations.IsPow2(length)) throw new ArgumentException($"State length {length} is not a power of two.");
        int n = BitOperations.Log2((uint)length);
        if (p.MaxQubit >= n)
            throw new ArgumentException($"Pauli string '{p}' acts on qubit {p.MaxQubit}, outside the {n}-qubit register (qubits 0..{n - 1}).");
    }

    private readonly struct DiagonalBody(nint psi, ulong z, double theta) : IRangeBody
    {
        public void Run(long start, long end)
        {
            double* s = (double*)psi;
            double c = Math.Cos(theta), sn = Math.Sin(theta);
            for (long b = start; b < end; b++)
            {
                // exp(−iθ·sign) = c − i·sign·sn
                double sg = sn * (1 - 2 * (BitOperations.PopCount((ulong)b & z) & 1));
                double r = s[2 * b], i = s[2 * b + 1];
                s[2 * b] = c * r + sg * i;
                s[2 * b + 1] = c * i - sg * r;
            }
        }
    }

    private readonly struct RotationBody(nint psi, PauliString p, double theta) : IRangeBody
    {
        public void Run(long start, long end)
        {
            double* s = (double*)psi;
            ulong x = p.X, z = p.Z;
            int h = 63 - BitOperations.LeadingZeroCount(x);
            long lowMask = (1L << h) - 1;
            double c = Math.Cos(theta), sn = Math.Sin(theta);
            // −i·sinθ·i^{nY}: a complex factor (fr, fi); the sign of c = b⊕x relative to b is (−1)^{|x∧z|}.
            var f = new Complex(0, -sn) * PauliString.IPower(p.YCount);
            double fr = f.Real, fi = f.Imaginary;
            double flipSign = 1 - 2 * (BitOperations.PopCount(x & z) & 1);
            for (long k = start; k < end; k++)
            {
                long b = ((k >> h) << (h + 1)) | (k & lowMask);
                long cIdx = b ^ (long)x;
                double sb = 1 - 2 * (BitOperations.PopCount((ulong)b & z) & 1); // (−1)^{|b∧z|}, branch-free
                double sc = sb * flipSign;
                double br = s[2 * b], bi = s[2 * b + 1], cr = s[2 * cIdx], ci = s[2 * cIdx + 1];
                // new[b] = c ψ[b] + f·sign(c) ψ[c];  new[c] = c ψ[c] + f·sign(b) ψ[b]
                double gbr = sc * fr, gbi = sc * fi, gcr = sb * fr, gci = sb * fi;
                s[2 * b] = c * br + gbr * cr - gbi * ci;
                s[2 * b + 1] = c * bi + gbr * ci + gbi * cr;
                s[2 * cIdx] = c * cr + gcr * br - gci * bi;
                s[2 * cIdx + 1] = c * ci + gcr * bi + gci * br;
            }
        }
    }
}
