using System.Globalization;
using System.Numerics.Tensors;
using MolForge.QChem.LinearAlgebra;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Correlation;

/// <summary>Conventional closed-shell second-order Møller–Plesset perturbation theory on an RHF reference (Møller &amp;
/// Plesset, Phys. Rev. 46, 618 (1934)), with an optional frozen core:
/// <list type="bullet">
/// <item>E(2) = Σ_ijab (ia|jb)[2(ia|jb) − (ib|ja)] / D_ijab, D_ijab = ε_i + ε_j − ε_a − ε_b (Szabo &amp; Ostlund,
/// Modern Quantum Chemistry, eq. 6.74), i, j over the correlated occupied and a, b over all virtual orbitals; the
/// (ia|jb) from <see cref="Mp2IntegralTransform"/>;</item>
/// <item>the unrelaxed (expectation-value) one-particle density from the first-order amplitudes
/// t_ij^ab = (ia|jb)/D_ijab and t̃_ij^ab = 2t_ij^ab − t_ij^ba: P_ij = −2 Σ_kab t_ik^ab t̃_jk^ab,
/// P_ab = 2 Σ_ijc t_ij^ac t̃_ij^bc (spin-summed; Jensen, Jørgensen, Ågren &amp; Olsen, J. Chem. Phys. 88, 3834
/// (1988)), added to the RHF occupation 2 of the occupied orbitals;</item>
/// <item>its eigenvectors, the MP2 natural orbitals (the orbitals of choice for active spaces: Abrams &amp;
/// Sherrill, Chem. Phys. Lett. 395, 227 (2004)), with occupation numbers in descending order.</item>
/// </list></summary>
public static class Mp2Solver
{
    /// <summary>Runs MP2 on a converged RHF result.</summary>
    /// <exception cref="QChemInputException">Frozen core out of range, or the integrals do not fit
    /// <see cref="Mp2Options.MaxMemoryBytes"/> (the message names the sizes).</exception>
    public static Mp2Result Run(ScfResult scf, Mp2Options? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scf);
        options ??= new Mp2Options();
        var nocc = scf.OccupiedCount;
        var fz = options.FrozenCore;
        if (fz < 0 || fz >= nocc)
            throw new QChemInputException(string.Create(CultureInfo.InvariantCulture,
                $"MP2 frozen core {fz}: must be between 0 and {nocc - 1} (the molecule has {nocc} doubly occupied orbitals)"));
        var c = scf.Coefficients;
        var nbf = c.Rows;
        var nmo = c.Cols;
        var o = nocc - fz;
        var v = nmo - nocc;
        var eps = scf.OrbitalEnergies;
        var fock = scf.FockBuilder ?? throw new InvalidOperationException("the SCF result carries no integral engine");

        double eos = 0, ess = 0;
        double[][]? t = null;
        var passes = 0;
        var stored = false;
        if (v > 0)
        {
            var batch = BatchSize(nbf, o, v, scf.Basis.MaxL, options.MaxMemoryBytes);
            var storeBytes = options.StoreIntegrals ? options.MaxMemoryBytes - Footprint(nbf, o, v, scf.Basis.MaxL, batch) : 0;
            var cOcc = Columns(c, fz, o);
            var cVir = Columns(c, nocc, v);
            var k = Mp2IntegralTransform.Ovov(fock, scf.Basis, cOcc, cVir, batch, options.IntegralThreshold, storeBytes, cancellationToken, out passes, out stored);
            (eos, ess) = EnergiesAndAmplitudes(k, eps, fz, nocc, o, v);
            t = k;
        }

        if (!options.ComputeDensity)
            return new Mp2Result
            {
                ReferenceEnergy = scf.Energy, CorrelationEnergy = eos + ess, OppositeSpinEnergy = eos, SameSpinEnergy = ess,
                FrozenCore = fz, ActiveOccupied = o, Virtuals = v, IntegralPasses = passes, IntegralsStored = stored,
            };

        cancellationToken.ThrowIfCancellationRequested();
        var density = new Matrix(nmo, nmo);
        for (var i = 0; i < nocc; i++) density[i, i] = 2;
        if (t is not null)
        {
            var pOcc = OccupiedDensity(t, o, v);
            var pVir = VirtualDensity(t, o, v);
            for (var i = 0; i < o; i++)
                for (var j = 0; j < o; j++) density[fz + i, fz + j] += pOcc[i * o + j];
            for (var a = 0; a < v; a++)
                for (var b = 0; b < v; b++) density[nocc + a, nocc + b] = pVir[a * v + b];
        }
        var (occupations, u) = NaturalOrbitals(density, nocc);
        var fockDiagonal = new double[nmo];
        for (var p = 0; p < nmo; p++)
        {
            double f = 0;
            for (var q = 0; q < nmo; q++) f += u[q, p] * u[q, p] * eps[q];
            fockDiagonal[p] = f;
        }
        return new Mp2Result
        {
            ReferenceEnergy = scf.Energy, CorrelationEnergy = eos + ess, OppositeSpinEnergy = eos, SameSpinEnergy = ess,
            FrozenCore = fz, ActiveOccupied = o, Virtuals = v, IntegralPasses = passes, IntegralsStored = stored,
            MoDensity = density, NaturalOccupations = occupations, NaturalOrbitals = Matrix.Multiply(c, u),
            NaturalOrbitalFockDiagonal = fockDiagonal,
        };
    }

    /// <summary>Occupied orbitals per pass over the AO integrals so that everything fits <paramref name="maxBytes"/>;
    /// throws when even one occupied orbital per pass does not fit.</summary>
    internal static int BatchSize(int nbf, int o, int v, int maxL, long maxBytes)
    {
        var amplitudes = 8L * o * o * v * v;
        var perOccupied = Mp2IntegralTransform.HalfTransformedBytesPerOccupied(nbf, v);
        long Scratch(int batch) => ScratchBytes(nbf, o, v, maxL, batch);
        var minimum = amplitudes + perOccupied + Scratch(1);
        if (minimum > maxBytes || (long)o * v * v > Array.MaxLength || (long)nbf * o * v > Array.MaxLength)
            throw new QChemInputException(string.Create(CultureInfo.InvariantCulture,
                $"MP2 needs at least {Mb(minimum)} MB ({Mb(amplitudes)} MB for the o²v² = {o}²·{v}² (ia|jb) integrals, {Mb(perOccupied)} MB of half-transformed integrals per occupied orbital, {Mb(Scratch(1))} MB scratch for {nbf} basis functions) but the limit is {Mb(maxBytes)} MB"));
        var batch = o;
        while (batch > 1 && Footprint(nbf, o, v, maxL, batch) > maxBytes) batch--;
        return batch;
    }

    private static long ScratchBytes(int nbf, int o, int v, int maxL, int batch) =>
        Math.Max(1, Environment.ProcessorCount) * Math.Max(Mp2IntegralTransform.FirstHalfScratchBytes(nbf, maxL, batch),
            Mp2IntegralTransform.SecondHalfScratchBytes(nbf, o, v) + 2L * 8 * v * v);

    /// <summary>Bytes of the amplitudes, the half-transformed integrals of a batch and the per-thread scratch.</summary>
    private static long Footprint(int nbf, int o, int v, int maxL, int batch) =>
        8L * o * o * v * v + batch * Mp2IntegralTransform.HalfTransformedBytesPerOccupied(nbf, v) + ScratchBytes(nbf, o, v, maxL, batch);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);

    private static Matrix Columns(Matrix c, int first, int count)
    {
        var m = new Matrix(c.Rows, count);
        for (var mu = 0; mu < c.Rows; mu++)
            c.Data.AsSpan(mu * c.Cols + first, count).CopyTo(m.Data.AsSpan(mu * count, count));
        return m;
    }

    /// <summary>Opposite- and same-spin energies; then k is overwritten with the amplitudes t_ij^ab.</summary>
    private static (double Os, double Ss) EnergiesAndAmplitudes(double[][] k, double[] eps, int fz, int nocc, int o, int v)
    {
        var os = new double[o];
        var ss = new double[o];
        var vv = v * v;
        Parallel.For(0, o, i =>
        {
            var ki = k[i];
            var ei = eps[fz + i];
            double sumOs = 0, sumSs = 0;
            for (var j = 0; j < o; j++)
            {
                var eij = ei + eps[fz + j];
                var block = ki.AsSpan(j * vv, vv);
                for (var a = 0; a < v; a++)
                {
                    var eija = eij - eps[nocc + a];
                    for (var b = 0; b < v; b++)
                    {
                        double kab = block[a * v + b], kba = block[b * v + a];
                        var d = eija - eps[nocc + b];
                        sumOs += kab * kab / d;
                        sumSs += kab * (kab - kba) / d;
                    }
                }
            }
            for (var j = 0; j < o; j++)
            {
                var eij = ei + eps[fz + j];
                var block = ki.AsSpan(j * vv, vv);
                for (var a = 0; a < v; a++)
                {
                    var eija = eij - eps[nocc + a];
                    var row = block.Slice(a * v, v);
                    for (var b = 0; b < v; b++) row[b] /= eija - eps[nocc + b];
                }
            }
            os[i] = sumOs;
            ss[i] = sumSs;
        });
        double eos = 0, ess = 0;
        for (var i = 0; i < o; i++)
        {
            eos += os[i];
            ess += ss[i];
        }
        return (eos, ess);
    }

    /// <summary>t̃_ij^ab = 2t_ij^ab − t_ij^ba of one (i, j) block into <paramref name="dest"/>.</summary>
    private static void Tilde(ReadOnlySpan<double> t, Span<double> dest, int v)
    {
        for (var a = 0; a < v; a++)
            for (var b = 0; b < v; b++) dest[a * v + b] = 2 * t[a * v + b] - t[b * v + a];
    }

    /// <summary>P_ij = −2 Σ_kab t_ik^ab t̃_jk^ab (o × o, symmetrised).</summary>
    private static double[] OccupiedDensity(double[][] t, int o, int v)
    {
        var vv = v * v;
        var p = new double[o * o];
        Parallel.For(0, o, () => new double[vv], (j, _, tt) =>
        {
            for (var kk = 0; kk < o; kk++)
            {
                Tilde(t[j].AsSpan(kk * vv, vv), tt, v);
                for (var i = 0; i < o; i++) p[j * o + i] -= 2 * TensorPrimitives.Dot(t[i].AsSpan(kk * vv, vv), tt);
            }
            return tt;
        }, _ => { });
        for (var i = 0; i < o; i++)
            for (var j = 0; j < i; j++)
            {
                var s = 0.5 * (p[i * o + j] + p[j * o + i]);
                p[i * o + j] = s;
                p[j * o + i] = s;
            }
        return p;
    }

    /// <summary>P_ab = 2 Σ_ijc t_ij^ac t̃_ij^bc (v × v); the sum is symmetric in a, b, so only b ≤ a is formed.</summary>
    private static double[] VirtualDensity(double[][] t, int o, int v)
    {
        var vv = v * v;
        var total = new double[vv];
        var gate = new object();
        Parallel.For(0, o, () => (P: new double[vv], Tt: new double[vv]), (i, _, st) =>
        {
            for (var j = 0; j < o; j++)
            {
                var tij = t[i].AsSpan(j * vv, vv);
                Tilde(tij, st.Tt, v);
                for (var a = 0; a < v; a++)
                {
                    var ta = tij.Slice(a * v, v);
                    for (var b = 0; b <= a; b++) st.P[a * v + b] += TensorPrimitives.Dot(ta, st.Tt.AsSpan(b * v, v));
                }
            }
            return st;
        }, st =>
        {
            lock (gate) TensorPrimitives.Add(total, st.P, total);
        });
        for (var a = 0; a < v; a++)
            for (var b = 0; b <= a; b++)
            {
                var s = 2 * total[a * v + b];
                total[a * v + b] = s;
                total[b * v + a] = s;
            }
        return total;
    }

    /// <summary>Eigenvalues (descending) and eigenvectors of the block-diagonal MO density: the occupied and the
    /// virtual blocks are diagonalised separately (the unrelaxed density does not couple them).</summary>
    private static (double[] Occupations, Matrix U) NaturalOrbitals(Matrix density, int nocc)
    {
        var nmo = density.Rows;
        var values = new List<(double N, int Block, double[] Vector)>(nmo);
        foreach (var (first, size) in new[] { (0, nocc), (nocc, nmo - nocc) })
        {
            if (size == 0) continue;
            var block = new Matrix(size, size);
            for (var p = 0; p < size; p++)
                for (var q = 0; q < size; q++) block[p, q] = density[first + p, first + q];
            var (w, vec) = SymmetricEigensolver.Solve(block);
            for (var x = size - 1; x >= 0; x--)
            {
                var col = new double[nmo];
                for (var p = 0; p < size; p++) col[first + p] = vec[p, x];
                values.Add((w[x], first, col));
            }
        }
        // descending occupation; ties keep the occupied block first and the eigensolver's order
        var ordered = values.Select((e, index) => (e, index)).OrderByDescending(x => x.e.N).ThenBy(x => x.index).Select(x => x.e).ToArray();
        var u = new Matrix(nmo, nmo);
        var occupations = new double[nmo];
        for (var k = 0; k < nmo; k++)
        {
            occupations[k] = ordered[k].N;
            for (var p = 0; p < nmo; p++) u[p, k] = ordered[k].Vector[p];
        }
        return (occupations, u);
    }
}
