using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Screening;

/// <summary>A cheap, deterministic scorer for dry runs and durability tests (<c>--method huckel</c>): the molecular
/// weight, and the frontier orbital energies of the topological Hückel model over the heavy-atom graph (Hückel 1931;
/// α = 0, β = −1, one electron per heavy atom), solved with cyclic Jacobi rotations (Golub &amp; Van Loan §8.5).
/// HOMO/LUMO/gap are in units of |β|, not hartree, and no ab initio energy is reported. Milliseconds per molecule.</summary>
public sealed class HuckelScreeningScorer : ICandidateScorer
{
    /// <inheritdoc />
    public Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!SmilesReader.TryParse(smiles, out var molecule, out var error))
            return Task.FromResult(CandidateScoreResult.Failure(smiles, PipelineStage.Filtering, error));
        var n = molecule.AtomCount;
        double weight = 0;
        for (var i = 0; i < n; i++)
        {
            var atom = molecule.GetAtom(i);
            weight += Elements.AtomicWeight(atom.AtomicNumber) + atom.TotalHydrogensOnAtom * Elements.AtomicWeight(1);
        }
        var h = new double[n * n];
        foreach (var bond in molecule.Bonds)
        {
            h[bond.Begin * n + bond.End] = -1;
            h[bond.End * n + bond.Begin] = -1;
        }
        var eigenvalues = JacobiEigenvalues(h, n);
        Array.Sort(eigenvalues);
        var electrons = n;
        var homoIndex = (electrons + 1) / 2 - 1;
        var homo = eigenvalues[Math.Max(0, homoIndex)];
        var lumo = homoIndex + 1 < n ? eigenvalues[homoIndex + 1] : homo;
        var quantum = new QuantumResult(n, electrons, 0, 0, homo, lumo, true, 0, eigenvalues);
        var descriptors = new MoleculeDescriptors(weight, weight, "", n, double.NaN, double.NaN, 0, 0, 0, 0, 0, double.NaN, double.NaN);
        var canonical = SmilesWriter.Write(molecule);
        return Task.FromResult(new CandidateScoreResult(smiles, canonical, PipelineStage.Done, null, descriptors, null, quantum, new Dictionary<string, double>()));
    }

    /// <summary>Eigenvalues of the symmetric n×n matrix <paramref name="a"/> (row-major, overwritten).</summary>
    public static double[] JacobiEigenvalues(double[] a, int n)
    {
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
            if (off < 1e-22) break;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p * n + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k * n + p];
                        var akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p * n + k];
                        var aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                }
            }
        }
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i * n + i];
        return values;
    }
}
