using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Scoring;
using MolForge.Chem.Conformers;
using MolForge.Chem.Smiles;
using MolForge.QChem.Scf;

namespace MolForge.Application.Tests.Scoring;

public sealed class MoleculeScorerTests
{
    [Fact]
    public void Scores_formaldehyde_through_conformer_rhf_and_casci_matching_a_direct_qchem_call()
    {
        var scorer = new MoleculeScorer();
        var stages = new List<PipelineStage>();
        var result = scorer.Score("C=O", new ScoringSettings(Method: "casci"), new SyncProgress<PipelineStage>(stages.Add), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("C=O", result.CanonicalSmiles);
        Assert.Equal(30.026, result.Descriptors!.MolWeight, 3);
        var q = result.Quantum!;
        Assert.True(q.ScfConverged);
        Assert.Equal(16, q.Electrons);
        Assert.Equal(12, q.BasisFunctions);

        // The same conformer straight into the QChem core gives the same energy.
        var conformer = ConformerGenerator.Generate(SmilesReader.Parse("C=O"), new ConformerOptions(Seed: 42))[0].Molecule;
        var direct = RhfSolver.Run(MoleculeScorer.ToQChem(conformer), "sto-3g");
        Assert.Equal(direct.Energy, q.EHf, 9);
        // Formaldehyde/STO-3G near its equilibrium geometry: about -112.35 Eh (Psi4 at the MMFF geometry differs by mHa).
        Assert.InRange(q.EHf, -112.40, -112.30);
        Assert.True(q.ECasci < q.EHf);
        Assert.True(q.HomoLumoGap > 0.2);
        Assert.Equal([PipelineStage.Descriptors, PipelineStage.Conformer, PipelineStage.Rhf, PipelineStage.ActiveSpace], stages);
    }

    [Theory]
    [InlineData("C1CC", "invalid SMILES: ")]
    [InlineData("[CH3]", "rhf:")]
    public void Failures_name_the_stage(string smiles, string expected)
    {
        var result = new MoleculeScorer().Score(smiles, new ScoringSettings(Method: "rhf"), null, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Vqe_without_an_engine_is_a_recorded_failure_not_a_crash()
    {
        var result = new MoleculeScorer().Score("[H][H]", new ScoringSettings(Method: "vqe", ActiveElectrons: 2, ActiveOrbitals: 2), null, CancellationToken.None);
        Assert.Equal(PipelineStage.Vqe, result.FailedStage);
        Assert.NotNull(result.Quantum);
    }
}

public sealed class MoleculeScorerVqeTests
{
    [Theory]
    [InlineData("uccsd", "jordan-wigner")]
    [InlineData("uccsd", "bravyi-kitaev")]
    [InlineData("adapt", "parity")]
    public void Vqe_on_the_state_vector_reaches_casci_for_a_two_two_active_space(string ansatz, string mapping)
    {
        var scorer = new MoleculeScorer(new StateVectorVqeEngine());
        var result = scorer.Score("C=O", new ScoringSettings(Method: "vqe", Ansatz: ansatz, Mapping: mapping), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var q = result.Quantum!;
        Assert.NotNull(q.EVqe);
        Assert.NotNull(q.ECasci);
        Assert.InRange(q.EVqe!.Value - q.ECasci!.Value, -1e-8, 1e-3);
        Assert.True(q.Qubits is 4 or 2);
        Assert.True(q.PauliTerms > 0);
    }
}

public sealed class ShotVqeTests
{
    [Fact]
    public void Shot_based_vqe_for_a_two_two_space_is_within_three_standard_errors_of_casci()
    {
        var scorer = new MoleculeScorer(new StateVectorVqeEngine());
        var result = scorer.Score("C=O", new ScoringSettings(Method: "vqe", Backend: "shots", Shots: 100_000), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var q = result.Quantum!;
        Assert.NotNull(q.EVqeStdErr);
        Assert.True(q.EVqeStdErr > 0);
        Assert.True(q.MeasurementGroups > 0);
        Assert.InRange(Math.Abs(q.EVqe!.Value - q.ECasci!.Value), 0, (3 * q.EVqeStdErr!.Value) + 1e-3);
    }
}
