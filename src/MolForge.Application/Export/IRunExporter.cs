using MolForge.Application.Storage;

namespace MolForge.Application.Export;

/// <summary>Export formats of a design run or screening job.</summary>
public enum ExportFormat
{
    Sdf,
    Smiles,
    Csv,
}

/// <summary>Writes a stored design run's candidates (SDF with 3D coordinates and the data fields of shared/CLI.md,
/// SMILES, CSV).</summary>
public interface IRunExporter
{
    Task WriteAsync(DesignRun run, ExportFormat format, Stream output, CancellationToken cancellationToken = default);
}
