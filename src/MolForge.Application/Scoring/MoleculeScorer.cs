using System.Diagnostics;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Smiles;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Correlation;
using MolForge.QChem.Scf;

namespace MolForge.Application.Scoring;

/// <summary>Scores one molecule along the product's chain: SMILES → descriptors → 3D conformer (ETKDG-style + MMFF94)
/// → RHF → active space → CASCI and/or VQE. Each failure is returned with its stage; only cancellation throws.</summary>
public sealed class MoleculeScorer(IVqeEngine? vqe = null, ScorerOptions? options = null) : ICandidateScorer
{
    private readonly ScorerOptions _options = options ?? new ScorerOptions();

    /// <inheritdoc />
    public Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        ArgumentNullException.ThrowIfNull(settings);
        // CPU-bound work: run it off the caller's thread so callers can keep scoring several candidates at once.
        return Task.Run(() => Score(smiles, settings, stageProgress, cancellationToken), cancellationToken);
    }

    /// <summary>The synchronous form of <see cref="ScoreAsync"/>.</summary>
    public CandidateScoreResult Score(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var stage = PipelineStage.Descriptors;

        double Lap()
        {
            var s = clock.Elapsed.TotalSeconds;
            clock.Restart();
            return s;
        }

        try
        {
            stageProgress?.Report(stage);
            if (!SmilesReader.TryParse(smiles, out var molecule, out var parseError))
                return CandidateScoreResult.Failure(smiles, stage, $"invalid SMILES: {parseError}", seconds);
            var canonical = SmilesWriter.Write(molecule);
            var heavy = HeavyAtomCount(molecule);
            if (heavy > _options.MaxHeavyAtoms)
                return CandidateScoreResult.Failure(smiles, stage, $"{heavy} heavy atoms is more than the scoring limit of {_options.MaxHeavyAtoms}", seconds);
            var d = MolecularDescriptors.Compute(molecule);
            var descriptors = new MoleculeDescriptors(d.MolWt, d.ExactMolWt, d.Formula, d.HeavyAtoms, d.LogP, d.Tpsa, d.Hbd, d.Hba,
                d.RotatableBonds, d.Rings, d.AromaticRings, d.FractionCSP3, d.Qed);
            seconds["descriptors"] = Lap();
            cancellationToken.ThrowIfCancellationRequested();

            stage = PipelineStage.Conformer;
            stageProgress?.Report(stage);
            var conformer = ConformerGenerator.Generate(molecule, new ConformerOptions(Seed: _options.ConformerSeed))[0].Molecule;
            var molBlock = _options.WriteMolBlock?.Invoke(conformer.WithName(canonical));
            seconds["conformer"] = Lap();
            cancellationToken.ThrowIfCancellationRequested();

            stage = PipelineStage.Rhf;
            stageProgress?.Report(stage);
            var geometry = ToQChem(conformer);
            geometry.RequireClosedShell();
            var scf = RhfSolver.Run(geometry, settings.Basis, new ScfOptions { MaxBasisFunctions = _options.MaxBasisFunctions }, cancellationToken);
            seconds["rhf"] = Lap();
            if (!scf.Converged)
                return new CandidateScoreResult(smiles, canonical, PipelineStage.Rhf, $"rhf: SCF did not converge in {scf.Iterations} iterations (last energy {scf.Energy:F8})",
                    descriptors, molBlock, null, seconds);

            var quantum = new QuantumResult(scf.BasisFunctionCount, geometry.ElectronCount, scf.NuclearRepulsion, scf.Energy, scf.Homo, scf.Lumo,
                scf.Converged, scf.Iterations, scf.OrbitalEnergies);
            if (settings.Method != "rhf")
            {
                stage = PipelineStage.ActiveSpace;
                stageProgress?.Report(stage);
                ActiveSpaceIntegrals integrals;
                if (ScoringSettings.OrbitalSet(settings.Orbitals) == ActiveOrbitals.Mp2Natural)
                {
                    // MP2 natural orbitals (checked first, so a space that cannot fit fails before the MP2)
                    ActiveSpaceBuilder.Validate(settings.ActiveElectrons, settings.ActiveOrbitals, scf.OccupiedCount, scf.OrbitalEnergies.Length);
                    var mp2 = Mp2Solver.Run(scf, new Mp2Options(), cancellationToken);
                    seconds["mp2"] = Lap();
                    integrals = ActiveSpaceBuilder.BuildFromNaturalOrbitals(scf, mp2, settings.ActiveElectrons, settings.ActiveOrbitals);
                }
                else integrals = ActiveSpaceBuilder.Build(scf, settings.ActiveElectrons, settings.ActiveOrbitals);
                seconds["active_space"] = Lap();
                if (settings.Method == "casci" || settings.ActiveOrbitals <= _options.MaxReferenceCasciOrbitals)
                {
                    var ci = CasciSolver.Solve(integrals);
                    quantum = quantum with { ECasci = ci.Energy };
                    seconds["casci"] = Lap();
                }
                if (settings.Method == "vqe")
                {
                    if (vqe is null)
                        return new CandidateScoreResult(smiles, canonical, PipelineStage.Vqe, "vqe: no quantum engine is configured", descriptors, molBlock, quantum, seconds);
                    stage = PipelineStage.Vqe;
                    stageProgress?.Report(stage);
                    var activeEnergies = integrals.OrbitalEnergies ?? scf.OrbitalEnergies.AsSpan(integrals.FirstActiveOrbital, integrals.OrbitalCount).ToArray();
                    var outcome = vqe.Run(integrals, activeEnergies, settings, cancellationToken);
                    quantum = quantum with
                    {
                        EVqe = outcome.Energy, EVqeStdErr = outcome.StandardError, EVqeUnmitigated = outcome.UnmitigatedEnergy,
                        VqeIterations = outcome.Iterations, VqeParameters = outcome.Parameters, VqeConvergence = outcome.Convergence,
                        Qubits = outcome.Qubits, PauliTerms = outcome.PauliTerms, MeasurementGroups = outcome.MeasurementGroups,
                    };
                    seconds["vqe"] = Lap();
                }
            }
            return new CandidateScoreResult(smiles, canonical, PipelineStage.Done, null, descriptors, molBlock, quantum, seconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is QChemInputException or ConformerGenerationException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return CandidateScoreResult.Failure(smiles, stage, $"{StageName(stage)}: {ex.Message}", seconds);
        }
    }

    /// <summary>The QChem view of a 3D molecule with explicit hydrogens: atomic numbers, Å coordinates, total charge.</summary>
    public static Molecule3D ToQChem(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var conformer = molecule.Conformer ?? throw new ArgumentException("the molecule has no 3D coordinates", nameof(molecule));
        var z = new int[molecule.AtomCount];
        var xyz = new double[3 * molecule.AtomCount];
        var charge = 0;
        for (var i = 0; i < molecule.AtomCount; i++)
        {
            var atom = molecule.GetAtom(i);
            if (atom.TotalHydrogensOnAtom != 0)
                throw new ArgumentException($"atom {i + 1} ({atom.Symbol}) still carries implicit hydrogens without coordinates", nameof(molecule));
            z[i] = atom.AtomicNumber;
            charge += atom.FormalCharge;
            var p = conformer[i];
            xyz[3 * i] = p.X;
            xyz[(3 * i) + 1] = p.Y;
            xyz[(3 * i) + 2] = p.Z;
        }
        return Molecule3D.FromAngstrom(z, xyz, charge);
    }

    private static int HeavyAtomCount(Molecule molecule)
    {
        var n = 0;
        foreach (ref readonly var a in molecule.Atoms) if (a.AtomicNumber > 1) n++;
        return n;
    }

    private static string StageName(PipelineStage stage) => stage switch
    {
        PipelineStage.Descriptors => "descriptors",
        PipelineStage.Conformer => "conformer",
        PipelineStage.Rhf => "rhf",
        PipelineStage.ActiveSpace => "active space",
        PipelineStage.Vqe => "vqe",
        _ => stage.ToString().ToLowerInvariant(),
    };
}

/// <summary>Limits and choices of <see cref="MoleculeScorer"/>.</summary>
public sealed record ScorerOptions
{
    /// <summary>Largest molecule scored (heavy atoms).</summary>
    public int MaxHeavyAtoms { get; init; } = 60;

    /// <summary>Largest basis (functions) an RHF may use.</summary>
    public int MaxBasisFunctions { get; init; } = 600;

    /// <summary>Seed of the conformer generator (results are reproducible).</summary>
    public int ConformerSeed { get; init; } = 42;

    /// <summary>CASCI is computed beside VQE as the exact reference up to this many active orbitals.</summary>
    public int MaxReferenceCasciOrbitals { get; init; } = 8;

    /// <summary>Writes the 3D molecule as a molblock for storage (null: not stored).</summary>
    public Func<Molecule, string>? WriteMolBlock { get; init; }
}
