using MolForge.Generation.Actions;
using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using static TorchSharp.torch;

namespace MolForge.Generation.Sampling;

/// <summary>Autoregressive sampling from a <see cref="GraphGenerator"/>: a batch of build states advanced in
/// lock-step; at every step the network's logits are restricted to the actions the valence mask allows, so every
/// finished graph is valid. A scaffold is replayed as forced actions; at each scaffold atom, before its final
/// POP, the model may grow substituents (ADD) from it while its valence allows.</summary>
public sealed class Sampler
{
    private readonly GraphGenerator _generator;

    /// <summary>A sampler over a generator.</summary>
    public Sampler(GraphGenerator generator) => _generator = generator ?? throw new ArgumentNullException(nameof(generator));

    /// <summary>Samples <paramref name="count"/> graphs (duplicates possible).</summary>
    /// <exception cref="ArgumentException">The scaffold contains a disallowed atom type or is too large.</exception>
    public List<MolGraph> Sample(int count, SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var result = new List<MolGraph>(count);
        while (result.Count < count)
            result.AddRange(SampleBatch(Math.Min(options.BatchSize, count - result.Count), options, random));
        return result;
    }

    /// <summary>Samples one batch of graphs using <paramref name="random"/> for every choice.</summary>
    public List<MolGraph> SampleBatch(int n, SamplingOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var space = _generator.Space;
        var maxAtoms = options.MaxAtoms > 0 ? options.MaxAtoms : _generator.Config.MaxAtoms;
        int[]? template = null;
        if (options.Scaffold is { } scaffold)
        {
            if (scaffold.AtomCount > maxAtoms) throw new ArgumentException($"The scaffold has {scaffold.AtomCount} atoms, above the limit of {maxAtoms}.", nameof(options));
            for (var i = 0; i < scaffold.AtomCount; i++)
                if (options.AllowedTypes is { } allowed && !allowed[scaffold.TypeOf(i)])
                    throw new ArgumentException($"Scaffold atom {i} ({scaffold.AtomTypeOf(i)}) is not among the allowed elements.", nameof(options));
            template = DfsSequencer.Sequence(scaffold, space)
                       ?? throw new ArgumentException($"The scaffold's ring closures span more than {space.MaxRingOffset} path steps.", nameof(options));
        }
        var states = new GraphBuildState[n];
        var runs = new ScaffoldRun?[n];
        for (var i = 0; i < n; i++)
        {
            states[i] = new GraphBuildState(space, maxAtoms, options.AllowedTypes);
            if (template is not null) runs[i] = new ScaffoldRun(template);
        }
        var f = _generator.FeatureCount;
        var v = space.Count;
        var cond = new float[n * Conditioning.Width];
        var values = new double[Conditioning.Properties];
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < values.Length; p++)
            {
                var range = options.PropertyRanges is { } pr && p < pr.Length ? pr[p] : null;
                values[p] = range is { } r ? r.Min + random.NextDouble() * (r.Max - r.Min) : double.NaN;
            }
            _generator.Conditioning.Encode(values, cond.AsSpan(i * Conditioning.Width, Conditioning.Width));
        }
        var prev = new long[n];
        Array.Fill(prev, space.StartToken);
        var feats = new float[n * f];
        var masks = new bool[n * v];
        var probs = new double[v];
        using var noGrad = no_grad();
        using var condT = tensor(cond, [n, Conditioning.Width]);
        var h = _generator.Net.InitialState(condT);
        try
        {
            while (true)
            {
                var active = false;
                for (var i = 0; i < n; i++)
                {
                    if (states[i].IsFinished) { feats.AsSpan(i * f, f).Clear(); continue; }
                    active = true;
                    StepFeatures.Fill(states[i], feats.AsSpan(i * f, f), masks.AsSpan(i * v, v));
                }
                if (!active) break;
                float[] logits;
                using (var scope = NewDisposeScope())
                {
                    var (l, h2) = _generator.Net.Step(tensor(prev), tensor(feats, [n, f]), condT, h);
                    h.Dispose();
                    h = h2.MoveToOuterDisposeScope();
                    logits = l.data<float>().ToArray();
                }
                for (var i = 0; i < n; i++)
                {
                    var st = states[i];
                    if (st.IsFinished) continue;
                    var mask = masks.AsSpan(i * v, v);
                    var run = runs[i];
                    int action;
                    if (run is not null && run.TryForced(st, out var forced)) action = forced;
                    else
                    {
                        // Ring bonds to scaffold atoms are not grown: they could take valence a later scaffold bond needs.
                        if (run is not null)
                            for (var k = 2; k <= Math.Min(space.MaxRingOffset, st.Depth); k++)
                                if (run.AtScaffoldFreePoint(st) || run.IsScaffoldAtom(st.Ancestor(k)))
                                    for (var b = 1; b <= 3; b++) mask[space.Ring(b, k)] = false;
                        action = Choose(logits.AsSpan(i * v, v), mask, options.Temperature, random, probs);
                    }
                    var atomsBefore = st.Graph.AtomCount;
                    st.Apply(action);
                    run?.Applied(st, space.Decode(action).Kind, st.Graph.AtomCount > atomsBefore);
                    prev[i] = action;
                }
            }
        }
        finally
        {
            h.Dispose();
        }
        return states.Select(s => s.Graph).ToList();
    }

    private static int Choose(ReadOnlySpan<float> logits, ReadOnlySpan<bool> mask, double temperature, Random random, double[] probs)
    {
        var max = double.NegativeInfinity;
        for (var a = 0; a < logits.Length; a++) if (mask[a] && logits[a] > max) max = logits[a];
        double sum = 0;
        var t = Math.Max(1e-3, temperature);
        for (var a = 0; a < logits.Length; a++)
        {
            probs[a] = mask[a] ? Math.Exp((logits[a] - max) / t) : 0;
            sum += probs[a];
        }
        var u = random.NextDouble() * sum;
        var last = -1;
        for (var a = 0; a < logits.Length; a++)
        {
            if (probs[a] <= 0) continue;
            last = a;
            u -= probs[a];
            if (u <= 0) return a;
        }
        return last >= 0 ? last : throw new InvalidOperationException("No action is allowed.");
    }

    /// <summary>Replays a scaffold's action sequence; at each of its POPs the model first decides whether to grow
    /// substituents (ADD, then a free subtree until the focus is back on the scaffold atom) or to pop.</summary>
    private sealed class ScaffoldRun(int[] template)
    {
        private readonly List<bool> _isScaffold = [];
        private int _next;
        private int _freeDepth = -1;

        /// <summary>True when atom <paramref name="atom"/> came from the scaffold.</summary>
        public bool IsScaffoldAtom(int atom) => atom < _isScaffold.Count && _isScaffold[atom];

        /// <summary>True (with the action) when the template dictates the next action.</summary>
        public bool TryForced(GraphBuildState st, out int action)
        {
            action = -1;
            if (_next >= template.Length) return false;
            if (template[_next] != st.Space.PopId) { action = template[_next]; return true; }
            if (_freeDepth < 0) _freeDepth = st.Depth; // arrived at the scaffold atom whose POP is pending
            return false;
        }

        /// <summary>True when the focus is the scaffold atom whose template POP is pending.</summary>
        public bool AtScaffoldFreePoint(GraphBuildState st) => _freeDepth >= 0 && st.Depth == _freeDepth;

        public void Applied(GraphBuildState st, ActionKind kind, bool addedAtom)
        {
            if (addedAtom) _isScaffold.Add(_freeDepth < 0);
            if (_freeDepth < 0) { _next++; return; } // a forced template action
            if (kind == ActionKind.Pop && st.Depth == _freeDepth - 1) { _next++; _freeDepth = -1; }
        }
    }
}
