using MolForge.Generation.Graphs;

namespace MolForge.Generation.Training;

/// <summary>One training molecule: its graph and its property values (NaN when unknown), in
/// <see cref="Model.Conditioning.Names"/> order.</summary>
public sealed record TrainingExample(MolGraph Graph, double[] Properties);
