using System.Numerics;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Simulation.Kernels;
using MolForge.Quantum.Tests.TestSupport;

namespace MolForge.Quantum.Tests.Simulation;

/// <summary>Every kernel against a dense reference on random states, every target/control combination on small
/// registers, with the SIMD path and with the scalar fallback forced (as a run under DOTNET_EnableAVX2=0 would).</summary>
public class KernelTests
{
    public static TheoryData<bool> Paths() => new() { true, false };

    private static Complex[] RandomState(int n, Random rng)
    {
        var s = new StateVector(n);
        s.Randomize(rng);
        return s.Amplitudes.ToArray();
    }

    /// <summary>Dense 2^n matrix of U on one qubit: I ⊗ … ⊗ U ⊗ … ⊗ I (qubit 0 least significant).</summary>
    private static Complex[] DenseSingle(Matrix2 u, int t, int n)
    {
        int dim = 1 << n;
        var m = new Complex[dim * dim];
        Complex[] e = [u.M00, u.M01, u.M10, u.M11];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
                if ((r & ~(1 << t)) == (c & ~(1 << t)))
                    m[r * dim + c] = e[((r >> t) & 1) * 2 + ((c >> t) & 1)];
        return m;
    }

    private static Complex[] DenseTwo(Matrix4 u, int q0, int q1, int n)
    {
        int dim = 1 << n;
        int mask = (1 << q0) | (1 << q1);
        var m = new Complex[dim * dim];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
                if ((r & ~mask) == (c & ~mask))
                    m[r * dim + c] = u[((r >> q0) & 1) + 2 * ((r >> q1) & 1), ((c >> q0) & 1) + 2 * ((c >> q1) & 1)];
        return m;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Single_qubit_gate_matches_dense_reference_for_every_target(bool simd)
    {
        var rng = new Random(1);
        var settings = new KernelSettings(simd, false);
        for (int n = 1; n <= 6; n++)
            for (int t = 0; t < n; t++)
            {
                var u = Matrix2.RandomUnitary(rng);
                var psi = RandomState(n, rng);
                var expected = Dense.MatVec(DenseSingle(u, t, n), psi);
                SingleQubitKernel.Apply(psi, t, u, settings);
                Dense.AssertClose(expected, psi);
            }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Controlled_gate_matches_dense_reference_for_every_pair(bool simd)
    {
        var rng = new Random(2);
        var settings = new KernelSettings(simd, false);
        for (int n = 2; n <= 5; n++)
            for (int c = 0; c < n; c++)
                for (int t = 0; t < n; t++)
                {
                    if (c == t) continue;
                    var u = Matrix2.RandomUnitary(rng);
                    var psi = RandomState(n, rng);
                    var expected = Dense.MatVec(DenseTwo(Matrix4.Controlled(u), c, t, n), psi);
                    TwoQubitKernel.ApplyControlled(psi, c, t, u, settings);
                    Dense.AssertClose(expected, psi);
                }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dense_two_qubit_gate_matches_reference_for_every_pair(bool simd)
    {
        var rng = new Random(3);
        var settings = new KernelSettings(simd, false);
        for (int n = 2; n <= 5; n++)
            for (int q0 = 0; q0 < n; q0++)
                for (int q1 = 0; q1 < n; q1++)
                {
                    if (q0 == q1) continue;
                    var u = Matrix4.RandomUnitary(rng);
                    var psi = RandomState(n, rng);
                    var expected = Dense.MatVec(DenseTwo(u, q0, q1, n), psi);
                    TwoQubitKernel.ApplyDense(psi, q0, q1, u, settings);
                    Dense.AssertClose(expected, psi);
                }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public unsafe void Ranges_split_at_every_leftover_length_give_the_same_state(bool simd)
    {
        var rng = new Random(4);
        const int n = 5;
        for (int t = 0; t < n; t++)
        {
            var u = Matrix2.RandomUnitary(rng);
            var psi = RandomState(n, rng);
            var whole = (Complex[])psi.Clone();
            SingleQubitKernel.Apply(whole, t, u, KernelSettings.Scalar);
            for (int split = 0; split <= 16; split++)
            {
                var parts = (Complex[])psi.Clone();
                fixed (Complex* p = parts)
                {
                    SingleQubitKernel.ApplyRange(p, t, u, 0, split, simd);
                    SingleQubitKernel.ApplyRange(p, t, u, split, 16, simd);
                }
                Dense.AssertClose(whole, parts);
            }
        }
    }

    [Fact]
    public void Multithreaded_path_equals_the_scalar_path_on_a_large_register()
    {
        var rng = new Random(5);
        const int n = 17;
        var a = RandomState(n, rng);
        var b = (Complex[])a.Clone();
        foreach (int t in new[] { 0, 1, 7, 16 })
        {
            var u = Matrix2.RandomUnitary(rng);
            SingleQubitKernel.Apply(a, t, u, KernelSettings.Default);
            SingleQubitKernel.Apply(b, t, u, KernelSettings.Scalar);
        }
        var m4 = Matrix4.RandomUnitary(rng);
        TwoQubitKernel.ApplyDense(a, 3, 12, m4, KernelSettings.Default);
        TwoQubitKernel.ApplyDense(b, 3, 12, m4, KernelSettings.Scalar);
        TwoQubitKernel.ApplyControlled(a, 16, 2, Matrix2.H, KernelSettings.Default);
        TwoQubitKernel.ApplyControlled(b, 16, 2, Matrix2.H, KernelSettings.Scalar);
        var p = PauliString.Parse("X1 Y4 Z9 X16");
        PauliKernel.ApplyRotation(a, p, 0.37, KernelSettings.Default);
        PauliKernel.ApplyRotation(b, p, 0.37, KernelSettings.Scalar);
        Dense.AssertClose(b, a, 1e-12);
    }

    [Fact]
    public void Pauli_rotation_and_expectation_match_dense_exponential()
    {
        var rng = new Random(6);
        const int n = 4;
        for (int trial = 0; trial < 80; trial++)
        {
            var p = new PauliString((ulong)rng.Next(16), (ulong)rng.Next(16));
            double theta = rng.NextDouble() * 4 - 2;
            var psi = RandomState(n, rng);
            var dp = Dense.KronPauli(p, n);
            // exp(−iθP) = cos θ I − i sin θ P
            int dim = 1 << n;
            var u = new Complex[dim * dim];
            for (int i = 0; i < dim * dim; i++) u[i] = new Complex(0, -Math.Sin(theta)) * dp[i];
            for (int i = 0; i < dim; i++) u[i * dim + i] += Math.Cos(theta);
            var expected = Dense.MatVec(u, psi);
            var phi = RandomState(n, rng);
            var pPsi = Dense.MatVec(dp, psi);
            Complex expectedTransition = 0;
            for (int i = 0; i < dim; i++) expectedTransition += Complex.Conjugate(phi[i]) * pPsi[i];
            Assert.True((expectedTransition - PauliKernel.Transition(phi, psi, p)).Magnitude < 1e-12);
            PauliKernel.ApplyRotation(psi, p, theta, KernelSettings.Scalar);
            Dense.AssertClose(expected, psi);
        }
    }

    [Fact]
    public void Pauli_sum_operator_matches_dense_matrix()
    {
        var rng = new Random(7);
        const int n = 5;
        var op = new QubitOperator();
        for (int i = 0; i < 40; i++) op.Add(new PauliString((ulong)rng.Next(32), (ulong)rng.Next(32)), new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var psi = RandomState(n, rng);
        var expected = Dense.MatVec(Dense.Matrix(op, n), psi);
        var actual = new Complex[psi.Length];
        new PauliSumOperator(op, n).Apply(psi, actual);
        Dense.AssertClose(expected, actual);
    }

    [Fact]
    public void Kernels_reject_qubits_outside_the_register()
    {
        var psi = new Complex[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleQubitKernel.Apply(psi, 3, Matrix2.X));
        Assert.Throws<ArgumentException>(() => TwoQubitKernel.ApplyControlled(psi, 1, 1, Matrix2.X));
        var e = Assert.Throws<ArgumentException>(() => PauliKernel.ApplyRotation(psi, PauliString.Parse("Z5"), 0.1));
        Assert.Contains("qubit 5", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PauliSumOperator(new QubitOperator(PauliString.Parse("X9"), 1), 4));
    }

    [Fact]
    public void A_register_beyond_memory_is_refused_with_the_bytes_it_needs()
    {
        var e = Assert.Throws<StateTooLargeException>(() => new StateVector(40));
        Assert.Contains("17,592,186,044,416 bytes", e.Message, StringComparison.Ordinal); // 16·2^40
        Assert.Contains("available", e.Message, StringComparison.Ordinal);
        Assert.Throws<StateTooLargeException>(() => StateVector.EnsureFits(62));
    }
}
