using System.Diagnostics;
using MolForge.Application.Design;
using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;
using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using MolForge.Generation.Sampling;

namespace MolForge.Application.Generation;

/// <summary>One generated candidate.</summary>
/// <param name="Smiles">Canonical SMILES (no stereo).</param>
/// <param name="Molecule">The sanitised molecule.</param>
/// <param name="MolWeight">Descriptors.MolWt.</param>
/// <param name="CLogP">Crippen MolLogP.</param>
/// <param name="Qed">QED.</param>
public sealed record GeneratedCandidate(string Smiles, Molecule Molecule, double MolWeight, double CLogP, double Qed);

/// <summary>The outcome of a generation request.</summary>
/// <param name="Candidates">Distinct candidates meeting every constraint (at most the requested count).</param>
/// <param name="Requested">How many were asked for.</param>
/// <param name="Sampled">Graphs sampled.</param>
/// <param name="Invalid">Samples that did not sanitise.</param>
/// <param name="Rejected">Valid samples rejected by a constraint, duplicates included.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="TimedOut">True when the time budget ran out before <paramref name="Requested"/> were found.</param>
public sealed record GenerationResult(IReadOnlyList<GeneratedCandidate> Candidates, int Requested, int Sampled, int Invalid,
    int Rejected, TimeSpan Elapsed, bool TimedOut);

/// <summary>The generation use case: sample from the model under the prompt's constraints — scaffold extension and
/// element masks during sampling, property ranges as conditioning — then keep distinct candidates that meet every
/// hard constraint (scaffold, required, forbidden, elements) and the property ranges, until <c>count</c> are found
/// or the time budget ends.</summary>
public static class GenerationService
{
    /// <summary>Properties the generator can condition on and check, with the prompt's names.</summary>
    public static IReadOnlyList<string> KnownProperties => Conditioning.Names;

    /// <summary>Generates candidates for a prompt.</summary>
    /// <exception cref="DesignPromptException">A scaffold/SMARTS/element the generator cannot use (the error names the
    /// prompt field, as <see cref="DesignPromptReader"/>'s do).</exception>
    /// <param name="model">The generator.</param>
    /// <param name="prompt">Constraints and count.</param>
    /// <param name="budget">Time budget.</param>
    /// <param name="temperature">Sampling temperature.</param>
    /// <param name="conditioned">Feed the property ranges to the model (true) or only filter on them (false; for
    /// measuring what the conditioning brings).</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public static GenerationResult Generate(GraphGenerator model, GenerationConstraints prompt, TimeSpan budget, double temperature = 1.0,
        bool conditioned = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        var clock = Stopwatch.StartNew();
        var plan = Plan(prompt);
        var options = new SamplingOptions
        {
            Seed = prompt.Seed ?? 1, Temperature = temperature, AllowedTypes = plan.AllowedTypes, Scaffold = plan.ScaffoldGraph,
            PropertyRanges = conditioned ? plan.Ranges : null, BatchSize = Math.Clamp(prompt.Count * 2, 32, 256),
        };
        var sampler = new Sampler(model);
        var random = new Random(options.Seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GeneratedCandidate>();
        int sampled = 0, invalid = 0, rejected = 0;
        var timedOut = false;
        while (result.Count < prompt.Count)
        {
            if (clock.Elapsed > budget || cancellationToken.IsCancellationRequested) { timedOut = true; break; }
            foreach (var g in sampler.SampleBatch(options.BatchSize, options, random))
            {
                sampled++;
                var m = MoleculeGraphs.ToMolecule(g, out _);
                if (m is null) { invalid++; continue; }
                var smiles = MoleculeGraphs.Canonical(m);
                if (!seen.Add(smiles)) { rejected++; continue; }
                var candidate = Check(m, smiles, plan);
                if (candidate is null) { rejected++; continue; }
                result.Add(candidate);
                if (result.Count == prompt.Count) break;
            }
        }
        return new GenerationResult(result, prompt.Count, sampled, invalid, rejected, clock.Elapsed, timedOut);
    }

    private sealed record ConstraintPlan(bool[]? AllowedTypes, HashSet<int>? AllowedElements, MolGraph? ScaffoldGraph, SmartsQuery? ScaffoldQuery,
        SmartsQuery[] Required, SmartsQuery[] Forbidden, (double Min, double Max)?[] Ranges);

    private static ConstraintPlan Plan(GenerationConstraints prompt)
    {
        bool[]? allowedTypes = null;
        HashSet<int>? allowedElements = null;
        if (prompt.Elements is { } els)
        {
            allowedElements = [1];
            foreach (var e in els)
                allowedElements.Add(MolForge.Chem.Core.Elements.FromSymbol(e) ?? throw Error("elements", $"unknown element '{e}'"));
            allowedTypes = AtomVocabulary.Types.Select(t => allowedElements.Contains(t.AtomicNumber)).ToArray();
            if (!allowedTypes.Any(x => x)) throw Error("elements", "the model places none of these elements");
        }
        MolGraph? scaffoldGraph = null;
        SmartsQuery? scaffoldQuery = null;
        if (!string.IsNullOrWhiteSpace(prompt.Scaffold))
        {
            if (SmilesReader.TryParse(prompt.Scaffold, out var sm, out _))
            {
                try { scaffoldGraph = MoleculeGraphs.FromMolecule(sm); }
                catch (FormatException e) { throw Error("scaffold", e.Message); }
                scaffoldQuery = ParseSmarts(MoleculeGraphs.ScaffoldSmarts(sm), "scaffold");
                if (allowedTypes is not null)
                    for (var i = 0; i < scaffoldGraph.AtomCount; i++)
                        if (!allowedTypes[scaffoldGraph.TypeOf(i)])
                            throw Error("scaffold", $"atom {i} ({scaffoldGraph.AtomTypeOf(i).Symbol}) is not among the allowed elements");
            }
            else scaffoldQuery = ParseSmarts(prompt.Scaffold, "scaffold"); // SMARTS: filter only
        }
        var ranges = new (double Min, double Max)?[Conditioning.Properties];
        for (var i = 0; i < ranges.Length; i++)
            if (prompt.Properties.TryGetValue(Conditioning.Names[i], out var r)) ranges[i] = (r.Min, r.Max);
        return new ConstraintPlan(allowedTypes, allowedElements, scaffoldGraph, scaffoldQuery,
            prompt.Required.Select((s, i) => ParseSmarts(s, $"required[{i}]")).ToArray(),
            prompt.Forbidden.Select((s, i) => ParseSmarts(s, $"forbidden[{i}]")).ToArray(), ranges);
    }

    private static SmartsQuery ParseSmarts(string smarts, string field) =>
        SmartsQuery.TryParse(smarts, out var q, out var error) ? q! : throw Error(field, $"'{smarts}': {error}");

    private static DesignPromptException Error(string field, string message) => new([new PromptError(field, message)]);

    private static GeneratedCandidate? Check(Molecule m, string smiles, ConstraintPlan plan)
    {
        if (plan.AllowedElements is { } els)
            foreach (var a in m.Atoms) if (!els.Contains(a.AtomicNumber)) return null;
        var target = new SubstructureTarget(m);
        if (plan.ScaffoldQuery is { } sq && !SubstructureMatcher.HasMatch(sq, target)) return null;
        foreach (var q in plan.Required) if (!SubstructureMatcher.HasMatch(q, target)) return null;
        foreach (var q in plan.Forbidden) if (SubstructureMatcher.HasMatch(q, target)) return null;
        var d = MolecularDescriptors.Compute(m);
        double[] values = [d.MolWt, d.LogP, d.Qed];
        for (var i = 0; i < values.Length; i++)
            if (plan.Ranges[i] is { } r && (values[i] < r.Min || values[i] > r.Max)) return null;
        return new GeneratedCandidate(smiles, m, d.MolWt, d.LogP, d.Qed);
    }
}
