using MolForge.Generation.Actions;
using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using static TorchSharp.torch;

namespace MolForge.Generation.Sampling;

/// <summary>Autoregressive sampling from a <see cref="GraphGenerator"/>: a batch of build states advanced in
/// lock-step; at every step the network's logits are restricted to the actions the valence mask allows, so every
/// finished graph is valid. A scaffold is replayed as forced actions; at each scaffold atom, before its final
/// POP, the model may grow substituents (ADD) from it in place of the hydrogens the scaffold gives it.</summary>
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
        if (options.Threads > 0) set_num_threads(options.Threads);
        var space = _generator.Space;
        var maxAtoms = options.MaxAtoms > 0 ? options.MaxAtoms : _generator.Config.MaxAtoms;
        int[]? template = null;
        if (options.Scaffold is { } scaffold)
        {
            if (scaffold.AtomCount > maxAtoms) throw new ArgumentException($"The scaffold has {scaffold.AtomCount} atoms, above the limit of {maxAtoms}.", nameof(options));
            for (var i = 0; i < scaffold.AtomCount; i++)
                if (options.AllowedTypes is { } allowed && !allowed[scaffold.TypeOf(i)])
                    throw new ArgumentException($"Scaffold atom {i} ({scaffold.AtomTypeOf(i)}) is not among the allowed elements.", nameof(options));
            // The stored atom order first; else random roots and neighbour orders (as in training) until one fits.
            template = DfsSequencer.Sequence(scaffold, space) ?? DfsSequencer.SequenceWithRetries(scaffold, space, new Random(1), 64)
                       ?? throw new ArgumentException($"The scaffold's ring closures span more than {space.MaxRingOffset} path steps.", nameof(options));
        }
        var states = new GraphBuildState[n];
        var runs = new ScaffoldRun?[n];
        for (var i = 0; i < n; i++)
        {
            states[i] = new GraphBuildState(space, maxAtoms, options.AllowedTypes);
            if (template is not null) runs[i] = new ScaffoldRun(template, space);
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
                    if (run is not null && run.TryForced(st, out var forced))
                    {
                        action = forced;
                        run.Release(st, action);
                    }
                    else
                    {
                        run?.Restrict(st, mask);
                        action = Choose(logits.AsSpan(i * v, v), mask, options.Temperature, random, probs);
                    }
                    var atomsBefore = st.Graph.AtomCount;
                    st.Apply(action);
                    run?.Applied(st, space.Decode(action), st.Graph.AtomCount > atomsBefore);
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
    /// <remarks>
    /// Why growth is interleaved with the replay rather than done after it: with growth only at a scaffold atom's
    /// pending POP (after all its scaffold children), the whole action sequence is a depth-first walk of the final
    /// molecule (a scaffold atom's substituents are its last children), i.e. a sequence of exactly the kind the model
    /// was trained on. Replaying the whole scaffold first would leave every scaffold atom popped, and growing from
    /// it would need the focus to return to a finished atom, a state no training sequence contains.
    /// <para>The cost of interleaving is that growth happens while part of the scaffold is still to come, and the
    /// plain valence mask does not know about it: a long substituent could use up the heavy-atom budget (or, if
    /// rings from substituents to the scaffold were allowed, the valence of a scaffold atom) that a later scaffold
    /// ADD or RING needs, which then could not be applied (GraphBuildState.Apply threw). So the run keeps a
    /// reservation: the number of scaffold atoms not yet placed and, per placed atom, the bond orders of its
    /// scaffold bonds not yet placed; <see cref="Restrict"/> removes every model choice that would eat into it.
    /// The reservation only removes choices and is applied after the step features were taken from the plain
    /// mask, so the model sees the same kind of input as in training; every forced action stays allowed.</para>
    /// </remarks>
    private sealed class ScaffoldRun
    {
        private readonly int[] _template;
        private readonly ActionSpace _space;
        private readonly int[] _scaffoldValence; // per scaffold atom (in creation order): sum of its scaffold bond orders
        private readonly List<bool> _isScaffold = [];
        private readonly List<int> _pending = []; // per graph atom: scaffold bond orders not yet placed
        private int _pendingAtoms;
        private int _placedScaffoldAtoms;
        private int _next;
        private int _freeDepth = -1;
        private int _arrivalValence;
        private int _arrivalHydrogens;

        public ScaffoldRun(int[] template, ActionSpace space)
        {
            _template = template;
            _space = space;
            var valence = new List<int>();
            var path = new List<int>();
            foreach (var id in template)
            {
                var a = space.Decode(id);
                switch (a.Kind)
                {
                    case ActionKind.First:
                        valence.Add(0);
                        path.Add(valence.Count - 1);
                        break;
                    case ActionKind.Add:
                        valence.Add(a.BondOrder);
                        valence[path[^1]] += a.BondOrder;
                        path.Add(valence.Count - 1);
                        break;
                    case ActionKind.Ring:
                        valence[path[^1]] += a.BondOrder;
                        valence[path[path.Count - 1 - a.Offset]] += a.BondOrder;
                        break;
                    default:
                        path.RemoveAt(path.Count - 1);
                        break;
                }
            }
            _scaffoldValence = [.. valence];
            _pendingAtoms = valence.Count;
        }

        /// <summary>True when atom <paramref name="atom"/> came from the scaffold.</summary>
        public bool IsScaffoldAtom(int atom) => atom < _isScaffold.Count && _isScaffold[atom];

        /// <summary>True (with the action) when the template dictates the next action.</summary>
        public bool TryForced(GraphBuildState st, out int action)
        {
            action = -1;
            if (_next >= _template.Length) return false;
            if (_template[_next] != st.Space.PopId) { action = _template[_next]; return true; }
            if (_freeDepth < 0)
            {
                // Arrived at the scaffold atom whose POP is pending: all its scaffold bonds are placed (depth-first
                // order), so its implicit hydrogens now are the ones the scaffold gives it.
                _freeDepth = st.Depth;
                _arrivalValence = st.Graph.HeavyValence(st.Focus);
                _arrivalHydrogens = Math.Max(0, st.Graph.HydrogenCount(st.Focus));
            }
            return false;
        }

        /// <summary>True when the focus is the scaffold atom whose template POP is pending.</summary>
        public bool AtScaffoldFreePoint(GraphBuildState st) => _freeDepth >= 0 && st.Depth == _freeDepth;

        private int Pending(int atom) => atom < _pending.Count ? _pending[atom] : 0;

        /// <summary>Removes from <paramref name="mask"/> the model choices that would make the rest of the scaffold
        /// impossible (heavy-atom budget, valence of scaffold bonds still to come), and ring closures from substituents
        /// onto the scaffold.</summary>
        public void Restrict(GraphBuildState st, Span<bool> mask)
        {
            var f = st.Focus;
            if (f < 0) return;
            var g = st.Graph;
            var canAdd = g.AtomCount + _pendingAtoms < st.MaxAtoms;
            var freeF = g.FreeValence(f) - Pending(f);
            // A scaffold atom is substituted only where the scaffold has hydrogens (a substituent replaces H, as in
            // R-group decoration and RDKit's substructure meaning of the scaffold): the valence mask alone would let
            // an aromatic S or a nitro N+ take more bonds (S valence 4/6), changing the scaffold itself.
            if (AtScaffoldFreePoint(st)) freeF = Math.Min(freeF, _arrivalHydrogens - (g.HeavyValence(f) - _arrivalValence));
            for (var t = 0; t < _space.AtomTypes; t++)
                for (var b = 1; b <= 3; b++)
                    if (!canAdd || freeF < b) mask[_space.Add(t, b)] = false;
            for (var k = 2; k <= Math.Min(_space.MaxRingOffset, st.Depth); k++)
            {
                var u = st.Ancestor(k);
                // Substituents do not close rings onto scaffold atoms: they stay substituents, and the scaffold's ring
                // system (and so its aromaticity after perception, which a SMARTS scaffold may test) is kept as given.
                var onScaffold = AtScaffoldFreePoint(st) || IsScaffoldAtom(u);
                var freeU = g.FreeValence(u) - Pending(u);
                for (var b = 1; b <= 3; b++)
                    if (onScaffold || freeF < b || freeU < b) mask[_space.Ring(b, k)] = false;
            }
        }

        /// <summary>Before a forced template action: releases the reservation the action is about to use.</summary>
        public void Release(GraphBuildState st, int id)
        {
            var a = _space.Decode(id);
            switch (a.Kind)
            {
                case ActionKind.First:
                    _pendingAtoms--;
                    break;
                case ActionKind.Add:
                    _pendingAtoms--;
                    _pending[st.Focus] -= a.BondOrder;
                    break;
                case ActionKind.Ring:
                    _pending[st.Focus] -= a.BondOrder;
                    _pending[st.Ancestor(a.Offset)] -= a.BondOrder;
                    break;
            }
        }

        public void Applied(GraphBuildState st, GraphAction action, bool addedAtom)
        {
            var forced = _freeDepth < 0;
            if (addedAtom)
            {
                _isScaffold.Add(forced);
                // A new scaffold atom holds the orders of its scaffold bonds other than the one that placed it.
                _pending.Add(forced ? _scaffoldValence[_placedScaffoldAtoms++] - action.BondOrder : 0);
            }
            if (forced) { _next++; return; } // a forced template action
            if (action.Kind == ActionKind.Pop && st.Depth == _freeDepth - 1) { _next++; _freeDepth = -1; }
        }
    }
}
