using MolForge.Application.Design;
using MolForge.Application.Pipeline;

namespace MolForge.Web.E2E.Tests.Fakes;

/// <summary>TEST-ONLY generator, used by the E2E fixture unless MOLFORGE_E2E_REAL_GENERATOR=1: it proposes small molecules (a few heavy atoms, so RHF stays quick on CI) in a fixed order. Everything after generation (structure
/// checks, descriptors, conformer, RHF, active space, VQE, ranking, storage, export) is the app's real pipeline.</summary>
internal sealed class E2EFakeGenerator : ICandidateGenerator
{
    public static readonly IReadOnlyList<string> Smiles =
    [
        "CC(N)=O",
        "NC(=O)O",
        "CNC=O",
        "NC(=O)CO",
        "CC(=O)NC",
        "NC(=O)C#N",
    ];

    /// <summary>A prompt with this count makes the generator wait (cancellably, up to a minute) before proposing, so
    /// that the cancel test always finds the run still running.</summary>
    public const int SlowCount = 5;

    public async Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Count == SlowCount) await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
        return new GenerationOutcome(Smiles.Take(prompt.Count).ToArray(),
            prompt.Count > Smiles.Count ? $"the test generator knows only {Smiles.Count} molecules" : null);
    }
}
