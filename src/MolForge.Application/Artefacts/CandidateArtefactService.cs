using System.Globalization;
using System.Text;
using System.Text.Json;
using MolForge.Application.Design;
using MolForge.Application.QuantumChemistry;
using MolForge.Application.QuantumScoring;
using MolForge.Application.Storage;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.IO;
using MolForge.QChem.Scf;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Qasm;

namespace MolForge.Application.Artefacts;

/// <summary>Makes Molden / FCIDUMP / QASM files of a stored candidate by recomputing from its stored 3D geometry
/// (<see cref="Candidate.ConformerMolBlock"/>) with the run's scoring settings (read from
/// <see cref="DesignRun.PromptJson"/>): RHF in the run's basis (Molden), the run's active space in the run's orbitals
/// (canonical or MP2 natural; FCIDUMP), and the
/// prepared VQE circuit (HF reference + ansatz under the run's mapping, <see cref="VqeCircuitBuilder"/>) with the stored
/// optimised parameters bound (QASM). <paramref name="limits"/> are the limits the prompts were validated with.</summary>
public sealed class CandidateArtefactService(DesignLimits? limits = null) : ICandidateArtefactService
{
    private readonly DesignLimits _limits = limits ?? new DesignLimits();

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public Task<CandidateArtefact> CreateAsync(DesignRun run, Candidate candidate, CandidateArtefactKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(candidate);
        // Checks that need no computation fail at once, before any work is scheduled.
        var settings = Settings(run, _limits);
        var molBlock = RequireGeometry(candidate);
        var parameters = kind == CandidateArtefactKind.Qasm ? RequireParameters(candidate) : null;
        return Task.Run(() => Create(run, candidate, kind, settings, molBlock, parameters, cancellationToken), cancellationToken);
    }

    private static CandidateArtefact Create(DesignRun run, Candidate candidate, CandidateArtefactKind kind, ScoringSettings settings, string molBlock,
        double[]? parameters, CancellationToken cancellationToken)
    {
        var scf = Rhf(candidate, settings, molBlock, cancellationToken);
        var stem = FileStem(run, candidate);
        switch (kind)
        {
            case CandidateArtefactKind.Molden:
            {
                using var w = new StringWriter(CultureInfo.InvariantCulture);
                MoldenWriter.Write(w, scf, candidate.Smiles);
                return new CandidateArtefact(stem + ".molden", "chemical/x-molden", Utf8.GetBytes(w.ToString()));
            }
            case CandidateArtefactKind.Fcidump:
            {
                var ints = ActiveSpace(candidate, scf, settings);
                using var w = new StringWriter(CultureInfo.InvariantCulture);
                FcidumpWriter.Write(w, ints);
                return new CandidateArtefact(stem + ".fcidump", "text/plain", Utf8.GetBytes(w.ToString()));
            }
            case CandidateArtefactKind.Qasm:
            {
                var ints = ActiveSpace(candidate, scf, settings);
                cancellationToken.ThrowIfCancellationRequested();
                var energies = ints.OrbitalEnergies ?? scf.OrbitalEnergies.AsSpan(ints.FirstActiveOrbital, ints.OrbitalCount).ToArray();
                var text = Qasm(candidate, ints, energies, settings, parameters!);
                return new CandidateArtefact(stem + ".qasm", "text/plain", Utf8.GetBytes(text));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown artefact kind");
        }
    }

    /// <summary>OpenQASM 3 of the prepared VQE circuit of <paramref name="ints"/> with <paramref name="parameters"/> bound.</summary>
    /// <exception cref="CandidateArtefactException">The parameters do not fit the circuit.</exception>
    internal static string Qasm(Candidate candidate, ActiveSpaceIntegrals ints, double[] orbitalEnergies, ScoringSettings settings, double[] parameters)
    {
        var problem = new ActiveSpaceProblem(ints.OrbitalCount, ints.ElectronCount, ints.CoreEnergy, ints.OneElectron, ints.TwoElectron, orbitalEnergies);
        var options = new VqeScoringOptions(Mapping: settings.Mapping, Ansatz: settings.Ansatz);
        var prepared = VqeCircuitBuilder.Prepare(problem, options);
        // ADAPT chooses its operators while optimising: rerun it (deterministic) to get the circuit the parameters belong to.
        var circuit = prepared.IsAdaptive ? VqeCircuitBuilder.Adapt(prepared, new StateVectorBackend(), options).Circuit : prepared.Circuit;
        if (circuit.ParameterCount != parameters.Length)
            throw new CandidateArtefactException(
                $"{Describe(candidate)}: {parameters.Length} stored VQE parameters do not fit the {settings.Ansatz} circuit with {circuit.ParameterCount} parameters");
        return QasmExporter.Export(circuit, parameters);
    }

    /// <summary>The run's scoring settings (basis, active space, mapping, ansatz) from its stored prompt.</summary>
    internal static ScoringSettings Settings(DesignRun run, DesignLimits limits)
    {
        try
        {
            return DesignPromptReader.Parse(run.PromptJson, limits).Scoring;
        }
        catch (DesignPromptException ex)
        {
            throw new CandidateArtefactException($"run {run.Id}: its stored prompt cannot be read ({ex.Message})");
        }
    }

    private static string RequireGeometry(Candidate candidate)
    {
        if (!string.IsNullOrWhiteSpace(candidate.ConformerMolBlock)) return candidate.ConformerMolBlock;
        return candidate.Status == CandidateStatus.Failed
            ? throw new CandidateArtefactException($"{Describe(candidate)} failed before a 3D geometry was made ({candidate.Error ?? "no reason stored"}); no artefact can be made")
            : throw new CandidateArtefactException($"{Describe(candidate)} has no stored 3D geometry");
    }

    private static double[] RequireParameters(Candidate candidate)
    {
        var json = candidate.Quantum?.VqeParametersJson;
        double[]? values = null;
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                values = JsonSerializer.Deserialize<double[]>(json);
            }
            catch (JsonException ex)
            {
                throw new CandidateArtefactException($"{Describe(candidate)}: the stored VQE parameters are not a JSON array of numbers ({ex.Message})");
            }
        }
        if (values is null || values.Length == 0 || candidate.Quantum?.EVqe is null)
            throw new CandidateArtefactException(candidate.Status == CandidateStatus.Failed
                ? $"{Describe(candidate)} failed before VQE ({candidate.Error ?? "no reason stored"}); there are no VQE parameters for a QASM circuit"
                : $"{Describe(candidate)} has no VQE parameters (the run's method was not vqe); no QASM circuit can be made");
        return values;
    }

    private static ScfResult Rhf(Candidate candidate, ScoringSettings settings, string molBlock, CancellationToken cancellationToken)
    {
        try
        {
            GeometryReader.Geometry g;
            using (var reader = new StringReader(molBlock)) g = GeometryReader.ReadSdf(reader);
            var molecule = Molecule3D.FromAngstrom(g.AtomicNumbers, g.CoordinatesAngstrom, g.FormalCharge);
            var scf = RhfSolver.Run(molecule, settings.Basis, new ScfOptions(), cancellationToken);
            if (!scf.Converged)
                throw new CandidateArtefactException($"{Describe(candidate)}: RHF/{settings.Basis} did not converge in {scf.Iterations} iterations");
            return scf;
        }
        catch (QChemInputException ex)
        {
            throw new CandidateArtefactException($"{Describe(candidate)}: {ex.Message}");
        }
    }

    private static ActiveSpaceIntegrals ActiveSpace(Candidate candidate, ScfResult scf, ScoringSettings settings)
    {
        try
        {
            return ActiveSpaceBuilder.Build(scf, settings.ActiveElectrons, settings.ActiveOrbitals, ScoringSettings.OrbitalSet(settings.Orbitals));
        }
        catch (QChemInputException ex)
        {
            throw new CandidateArtefactException($"{Describe(candidate)}: {ex.Message}");
        }
    }

    private static string FileStem(DesignRun run, Candidate candidate) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Id.ToString("N")[..8]}_{(candidate.Rank > 0 ? "rank" + candidate.Rank : "index" + candidate.Index)}");

    private static string Describe(Candidate c) =>
        c.Rank > 0
            ? string.Create(CultureInfo.InvariantCulture, $"candidate {c.Rank} ({c.Smiles})")
            : string.Create(CultureInfo.InvariantCulture, $"candidate #{c.Index} ({c.Smiles})");
}
