using BenchmarkDotNet.Attributes;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Simulation.Kernels;

namespace MolForge.Benchmarks.Quantum;

/// <summary>One-qubit gate kernel: SIMD + threads against the scalar single-threaded baseline (ImageSharp style).</summary>
[MemoryDiagnoser]
public class SingleQubitGateBenchmarks
{
    private StateVector _state = null!;
    private Matrix2 _u;

    [Params(16, 20, 22)]
    public int Qubits { get; set; }

    [Params(0, 1, 10)]
    public int Target { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _state = new StateVector(Qubits);
        _state.Randomize(new Random(1));
        _u = Matrix2.RandomUnitary(new Random(2));
    }

    [Benchmark(Baseline = true)]
    public void Scalar() => SingleQubitKernel.Apply(_state.Amplitudes, Target, _u, KernelSettings.Scalar);

    [Benchmark]
    public void SimdSingleThread() => SingleQubitKernel.Apply(_state.Amplitudes, Target, _u, new KernelSettings(true, false));

    [Benchmark]
    public void SimdParallel() => SingleQubitKernel.Apply(_state.Amplitudes, Target, _u, KernelSettings.Default);
}

/// <summary>Pauli-string exponential and a (6,6)-sized UCCSD energy + adjoint gradient on random integrals.</summary>
[MemoryDiagnoser]
public class VqeKernelBenchmarks
{
    private StateVector _state = null!;
    private readonly PauliString _p = PauliString.Parse("X0 Y3 Z5 X8 Z11");
    private StateVectorBackend _backend = null!;
    private Circuit _circuit = null!;
    private QubitOperator _h = null!;
    private double[] _x = null!;
    private double[] _g = null!;

    [GlobalSetup]
    public void Setup()
    {
        _state = new StateVector(12);
        _state.Randomize(new Random(1));
        var ints = RandomIntegrals(6, 6, new Random(3));
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        _h = h.Operator;
        var ansatz = UccsdAnsatz.Build(h.Mapping, 6);
        _circuit = ansatz.Circuit;
        _x = Enumerable.Range(0, _circuit.ParameterCount).Select(i => 0.01 * (i % 5)).ToArray();
        _g = new double[_x.Length];
        _backend = new StateVectorBackend();
    }

    [Benchmark]
    public void PauliRotation12Qubits() => _state.ApplyPauliRotation(_p, 0.1);

    [Benchmark]
    public double UccsdEnergyAndGradient66() => _backend.ExpectationAndGradient(_circuit, _x, _h, _g);

    internal static ActiveSpaceIntegrals RandomIntegrals(int n, int electrons, Random rng)
    {
        var h = new double[n * n];
        for (int p = 0; p < n; p++)
            for (int q = 0; q <= p; q++) h[p * n + q] = h[q * n + p] = p == q ? -2.0 + 0.3 * p : 0.1 * (rng.NextDouble() - 0.5);
        var g = new double[n * n * n * n];
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
                for (int r = 0; r < n; r++)
                    for (int s = 0; s < n; s++)
                    {
                        if (g[((p * n + q) * n + r) * n + s] != 0) continue;
                        double v = (p == q && r == s ? 0.5 : 0.05) * rng.NextDouble();
                        foreach (var (a, b, c, d) in new[] { (p, q, r, s), (q, p, r, s), (p, q, s, r), (q, p, s, r), (r, s, p, q), (s, r, p, q), (r, s, q, p), (s, r, q, p) })
                            g[((a * n + b) * n + c) * n + d] = v;
                    }
        return new ActiveSpaceIntegrals(n, electrons, 0, h, g);
    }
}
