using MolForge.Application.Storage;

namespace MolForge.Application.Artefacts;

/// <summary>Files for other quantum tools made from one stored candidate.</summary>
public enum CandidateArtefactKind
{
    /// <summary>Molden file of the candidate's RHF orbitals (geometry, basis, MO coefficients, energies, occupations).</summary>
    Molden,

    /// <summary>FCIDUMP of the candidate's active-space Hamiltonian (the run's basis and active space).</summary>
    Fcidump,

    /// <summary>OpenQASM 3 of the prepared VQE circuit with the stored optimised parameters bound.</summary>
    Qasm,
}

/// <summary>A file ready to save or download.</summary>
public sealed record CandidateArtefact(string FileName, string ContentType, byte[] Content);

/// <summary>Makes Molden / FCIDUMP / QASM files of a stored candidate on request (recomputed from its stored 3D
/// geometry and the run's scoring settings; nothing is stored twice).</summary>
public interface ICandidateArtefactService
{
    /// <summary>The artefact for <paramref name="candidate"/> of <paramref name="run"/> (already loaded and checked
    /// for ownership by the caller). Throws <see cref="CandidateArtefactException"/> with a user-facing message when
    /// the artefact cannot be made (no 3D geometry, candidate failed before RHF, no VQE parameters for QASM).</summary>
    Task<CandidateArtefact> CreateAsync(DesignRun run, Candidate candidate, CandidateArtefactKind kind, CancellationToken cancellationToken = default);
}

/// <summary>Why an artefact could not be made (a message for the user, naming the candidate).</summary>
public sealed class CandidateArtefactException(string message) : Exception(message);
