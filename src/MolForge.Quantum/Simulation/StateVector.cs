using System.Globalization;
using System.Numerics;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation.Kernels;

namespace MolForge.Quantum.Simulation;

/// <summary>A register too large for this machine's memory; the message states the bytes it would need.</summary>
public sealed class StateTooLargeException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StateTooLargeException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public StateTooLargeException() { }

    /// <summary>Creates the exception.</summary>
    public StateTooLargeException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// An n-qubit pure state: 2^n <see cref="Complex"/> amplitudes in one contiguous, pinned buffer (little-endian: bit q
/// of the index is qubit q). The class only dispatches to the stateless kernels in <c>Simulation/Kernels</c>
/// (qulacs' QuantumState over csim).
/// </summary>
public sealed class StateVector
{
    private readonly Complex[] _amps;

    /// <summary>Allocates |0…0⟩ after checking that 16·2^n bytes fit the available memory.</summary>
    public StateVector(int qubitCount, KernelSettings settings = default)
    {
        EnsureFits(qubitCount);
        QubitCount = qubitCount;
        _amps = GC.AllocateArray<Complex>(1 << qubitCount, pinned: true);
        _amps[0] = 1;
        Settings = settings == default ? KernelSettings.Default : settings;
    }

    /// <summary>Number of qubits.</summary>
    public int QubitCount { get; }

    /// <summary>How kernels may run (SIMD, threads).</summary>
    public KernelSettings Settings { get; set; }

    /// <summary>The amplitudes.</summary>
    public Span<Complex> Amplitudes => _amps;

    /// <summary>2^n.</summary>
    public int Length => _amps.Length;

    /// <summary>Bytes a state of <paramref name="qubitCount"/> qubits needs: 16·2^n.</summary>
    public static double RequiredBytes(int qubitCount) => 16.0 * Math.Pow(2, qubitCount);

    /// <summary>Throws <see cref="StateTooLargeException"/> when 16·2^n bytes exceed the memory the GC reports as
    /// available (or n exceeds the 30 qubits a single .NET array of Complex can index).</summary>
    public static void EnsureFits(int qubitCount)
    {
        if (qubitCount < 1) throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, "A register needs at least one qubit.");
        double need = RequiredBytes(qubitCount);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (need > available || qubitCount > 30)
            throw new StateTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"A {qubitCount}-qubit state vector needs 16·2^{qubitCount} = {need:N0} bytes ({FormatBytes(need)}); " +
                $"{FormatBytes(available)} is available{(qubitCount > 30 && need <= available ? ", and one buffer holds at most 2^30 amplitudes" : "")}."));
    }

    private static string FormatBytes(double b)
    {
        string[] u = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int i = 0;
        while (b >= 1024 && i < u.Length - 1) { b /= 1024; i++; }
        return b.ToString("0.##", CultureInfo.InvariantCulture) + " " + u[i];
    }

    /// <summary>Sets |b⟩.</summary>
    public void SetBasisState(ulong b)
    {
        if (b >= (ulong)_amps.Length) throw new ArgumentOutOfRangeException(nameof(b), b, $"Basis state outside the {QubitCount}-qubit register.");
        Array.Clear(_amps);
        _amps[(int)b] = 1;
    }

    /// <summary>Copies the amplitudes of another state of the same size.</summary>
    public void CopyFrom(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length) throw new ArgumentException("States of different sizes.", nameof(other));
        other._amps.AsSpan().CopyTo(_amps);
    }

    /// <summary>A normalised random state (complex Gaussian amplitudes).</summary>
    public void Randomize(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double norm = 0;
        for (int i = 0; i < _amps.Length; i++)
        {
            _amps[i] = new Complex(Matrix2.Gauss(rng), Matrix2.Gauss(rng));
            norm += _amps[i].Real * _amps[i].Real + _amps[i].Imaginary * _amps[i].Imaginary;
        }
        double s = 1 / Math.Sqrt(norm);
        for (int i = 0; i < _amps.Length; i++) _amps[i] *= s;
    }

    /// <summary>Σ|ψ_b|².</summary>
    public double NormSquared()
    {
        double s = 0;
        foreach (var a in _amps) s += a.Real * a.Real + a.Imaginary * a.Imaginary;
        return s;
    }

    /// <summary>One-qubit gate.</summary>
    public void Apply(int target, in Matrix2 m) => SingleQubitKernel.Apply(_amps, target, m, Settings);

    /// <summary>Controlled one-qubit gate.</summary>
    public void ApplyControlled(int control, int target, in Matrix2 m) => TwoQubitKernel.ApplyControlled(_amps, control, target, m, Settings);

    /// <summary>Dense two-qubit gate.</summary>
    public void Apply(int q0, int q1, Matrix4 m) => TwoQubitKernel.ApplyDense(_amps, q0, q1, m, Settings);

    /// <summary>exp(−iθP).</summary>
    public void ApplyPauliRotation(PauliString p, double theta) => PauliKernel.ApplyRotation(_amps, p, theta, Settings);

    /// <summary>⟨ψ|P|ψ⟩.</summary>
    public double Expectation(PauliString p) => PauliKernel.Expectation(_amps, p);

    /// <summary>⟨ψ|H|ψ⟩ for a real-coefficient operator, term by term (see <see cref="PauliSumOperator"/> for the fast path).</summary>
    public double Expectation(QubitOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        op.EnsureWithin(QubitCount, "observable");
        double e = 0;
        foreach (var (p, c) in op.Terms) e += (c * PauliKernel.Transition(_amps, _amps, p)).Real;
        return e;
    }
}
