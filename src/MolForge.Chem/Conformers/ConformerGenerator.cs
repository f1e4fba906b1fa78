using MolForge.Chem.Core;
using MolForge.Chem.ForceFields;

namespace MolForge.Chem.Conformers;

/// <summary>Options for <see cref="ConformerGenerator"/>; defaults follow RDKit's ETKDG + MMFF setup.</summary>
/// <param name="Seed">Random seed: the same seed gives the same conformers.</param>
/// <param name="Conformers">Number of conformers wanted (fewer come back when RMSD pruning merges them).</param>
/// <param name="MaxAttemptsPerConformer">Embedding attempts per wanted conformer before giving up.</param>
/// <param name="PruneRmsd">Heavy-atom RMSD (Å) under which two conformers count as the same.</param>
/// <param name="Minimize">Minimise with MMFF94 (UFF-free fallback: distance-geometry refinement only).</param>
/// <param name="UseTorsionPreferences">Apply ETKDG-style torsion preferences before force-field minimisation.</param>
public sealed record ConformerOptions(
    int Seed = 42,
    int Conformers = 1,
    int MaxAttemptsPerConformer = 20,
    double PruneRmsd = 0.5,
    bool Minimize = true,
    bool UseTorsionPreferences = true);

/// <summary>One generated conformer.</summary>
/// <param name="Molecule">The molecule with explicit hydrogens, Kekulé bonds and 3D coordinates.</param>
/// <param name="Energy">MMFF94 energy in kcal/mol (NaN when MMFF could not type the molecule).</param>
/// <param name="ForceField">"MMFF94" or "none".</param>
public sealed record GeneratedConformer(Molecule Molecule, double Energy, string ForceField);

/// <summary>Conformer generation failed for a molecule.</summary>
public sealed class ConformerGenerationException : Exception
{
    public ConformerGenerationException() { }
    public ConformerGenerationException(string message) : base(message) { }
    public ConformerGenerationException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>3D conformers by distance geometry in the style of ETKDG (Riniker &amp; Landrum 2015, J. Chem. Inf.
/// Model. 55, 2562): bounds from the topology, triangle smoothing, random distances, metric-matrix embedding in
/// 4D, refinement against distance/chirality/planarity errors, collapse to 3D, torsion preferences, then MMFF94
/// minimisation (Halgren 1996) with L-BFGS. Stereo is checked on every conformer; wrong ones are re-embedded.
/// Deterministic for a given seed.</summary>
public static class ConformerGenerator
{
    /// <summary>Generates conformers of <paramref name="molecule"/> (implicit hydrogens are made explicit and
    /// aromatic bonds kekulised), lowest energy first.</summary>
    /// <exception cref="ConformerGenerationException">No acceptable embedding within the attempt budget.</exception>
    public static IReadOnlyList<GeneratedConformer> Generate(Molecule molecule, ConformerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var o = options ?? new ConformerOptions();
        if (molecule.AtomCount == 0) throw new ConformerGenerationException("The molecule has no atoms.");
        Molecule prepared;
        try
        {
            prepared = ExplicitHydrogens.Add(ExplicitHydrogens.Kekulize(molecule));
        }
        catch (ArgumentException e)
        {
            throw new ConformerGenerationException(e.Message, e);
        }
        var graph = new EmbeddingGraph(prepared);
        var bounds = BoundsMatrix.Build(graph);
        var rng = new Random(o.Seed);
        var n = prepared.AtomCount;
        var accepted = new List<(double[] X, double Energy)>();
        var budget = Math.Max(1, o.Conformers) * o.MaxAttemptsPerConformer;
        var heavy = HeavyAtoms(prepared);
        for (var attempt = 0; attempt < budget && accepted.Count < o.Conformers * 2 && (accepted.Count < o.Conformers || attempt < o.Conformers * 3); attempt++)
        {
            var x = EmbedOnce(graph, bounds, rng, o);
            if (x is null) continue;
            double energy = double.NaN;
            if (o.Minimize && graph.Mmff is { } ff)
            {
                Lbfgs.Minimize(ff, x, new LbfgsOptions(MaxIterations: 5000, GradientTolerance: 1e-5));
                energy = ff.Energy(x);
                if (!StereoCheck.Matches(graph, x, 3)) continue;
            }
            accepted.Add((x, energy));
            if (accepted.Count >= o.Conformers && o.Conformers == 1) break;
        }
        if (accepted.Count == 0)
            throw new ConformerGenerationException($"Could not embed {Describe(molecule)} after {budget} attempts (stereo or bounds could not be satisfied).");
        accepted.Sort((a, b) => a.Energy.CompareTo(b.Energy));
        var kept = new List<(double[] X, double Energy)>();
        foreach (var c in accepted)
        {
            if (kept.Count >= o.Conformers) break;
            var duplicate = false;
            foreach (var k in kept)
            {
                if (Rmsd.Superposed(c.X, k.X, heavy) < o.PruneRmsd)
                {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) kept.Add(c);
        }
        var result = new List<GeneratedConformer>(kept.Count);
        foreach (var (x, e) in kept)
        {
            var pts = new Point3D[n];
            for (var i = 0; i < n; i++) pts[i] = new Point3D(x[3 * i], x[(3 * i) + 1], x[(3 * i) + 2]);
            result.Add(new GeneratedConformer(prepared.WithConformer(new Conformer(pts, true)), e, graph.Mmff is null || !o.Minimize ? "none" : "MMFF94"));
        }
        return result;
    }

    private static string Describe(Molecule m) => string.IsNullOrEmpty(m.Name) ? $"the molecule ({m.AtomCount} atoms)" : $"'{m.Name}'";

    private static int[] HeavyAtoms(Molecule m)
    {
        var list = new List<int>();
        for (var i = 0; i < m.AtomCount; i++)
            if (m.GetAtom(i).AtomicNumber != 1) list.Add(i);
        return [.. list];
    }

    /// <summary>One embedding attempt: 3D coordinates (flat) satisfying the stereo, or null.</summary>
    private static double[]? EmbedOnce(EmbeddingGraph graph, BoundsMatrix bounds, Random rng, ConformerOptions o)
    {
        var n = graph.AtomCount;
        var x4 = new double[4 * n];
        if (n == 1) return new double[3];
        if (!MetricMatrixEmbedding.Embed(bounds, rng, 4, x4))
        {
            // Degenerate metric matrix: random coordinates in a box (RDKit's useRandomCoords fallback).
            var box = 2.0 * Math.Pow(n, 1.0 / 3.0);
            for (var i = 0; i < x4.Length; i++) x4[i] = box * (rng.NextDouble() - 0.5);
        }
        var error = new DistanceGeometryError(graph, bounds) { FourthDimWeight = 0.1 };
        Lbfgs.Minimize(error, x4, new LbfgsOptions(MaxIterations: 400, GradientTolerance: 1e-3, MaxStep: 1.0));
        if (!StereoCheck.MatchesChirality(graph, x4, 4)) return null;
        error.FourthDimWeight = 1.0;
        Lbfgs.Minimize(error, x4, new LbfgsOptions(MaxIterations: 200, GradientTolerance: 1e-3, MaxStep: 1.0));
        var x = new double[3 * n];
        for (var i = 0; i < n; i++)
        {
            x[3 * i] = x4[4 * i];
            x[(3 * i) + 1] = x4[(4 * i) + 1];
            x[(3 * i) + 2] = x4[(4 * i) + 2];
        }
        if (o.UseTorsionPreferences) TorsionPreferences.Refine(graph, bounds, x);
        if (!StereoCheck.Matches(graph, x, 3)) return null;
        return x;
    }
}
