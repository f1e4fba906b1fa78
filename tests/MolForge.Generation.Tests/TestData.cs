using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using MolForge.Generation.Training;

namespace MolForge.Generation.Tests;

/// <summary>Small real molecules (ZINC250k rows, kekulised by RDKit 2022.09.3) and a tiny model trained on them.</summary>
internal static class TestData
{
    public static readonly string[] KekuleZinc =
    [
        "CC(C)(C)C1=CC=C2OC=C(CC(=O)NC3=CC=CC=C3F)C2=C1",
        "CC1CC(C)CC(NC2=CN=CC(C3=NN=CN3C)=C2)C1",
        "N#CC1=CC=C(C(=O)N2CCC(C3=NN=C4CCCCN43)CC2)C=C1",
        "CCOC(=O)[C@@H]1CCCN(C(=O)C2=NN(C)C=C2Cl)C1",
        "N#CC1=C(SCC(=O)NC2=CC=C(Cl)C=C2)N=C([O-])C(C#N)=C1",
        "CC[NH+](CC)C1CCC([NH2+]C2CC2)C1",
        "COC1=CC=C(C(=O)N(C)C2=CC=CC=C2)C=C1OC",
        "O=C(NC1=CC=CC=C1)C1=CC=CN=C1",
        "CC1=CC=C(S(=O)(=O)N2CCOCC2)C=C1",
        "C[NH+]1CCN(C2=NC=NC3=C2C=NN3)CC1",
        "OC1=CC=C(Br)C=C1I",
        "CC(=O)N1CCC2=CC=CC=C21",
    ];

    private static readonly Lazy<GraphGenerator> Tiny = new(() =>
    {
        var data = KekuleZinc.Select(s => new TrainingExample(KekuleSmiles.Read(s), [double.NaN, double.NaN, double.NaN])).ToList();
        foreach (var e in data) e.Properties[0] = e.Graph.MolecularWeight();
        var g = new GraphGenerator(ModelConfig.Tiny, TrainingSetReader.FitConditioning(data), seed: 3);
        Trainer.Train(g, data, new TrainingOptions { Epochs = 20, BatchSize = 6, Seed = 3, LearningRate = 1e-2, Threads = 1 });
        return g;
    });

    /// <summary>A tiny model trained for 40 steps (shared by the tests; read-only use).</summary>
    public static GraphGenerator TinyModel => Tiny.Value;
}
