using System.Globalization;
using CsvHelper;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Cli.Verbs.Screening;

namespace MolForge.Cli.Verbs.Export;

/// <summary>One exported row (the CSV columns of the contract).</summary>
internal sealed record ExportRow(int Index, string Smiles, string Name, string Status, string? Error,
    double? EHf, double? Homo, double? Lumo, double? HomoLumoGap, double? EVqe, double? MolWeight, double? CLogP, double? Qed);

/// <summary>Where exported rows come from (a screening job; a design run later).</summary>
internal interface IExportSource
{
    IAsyncEnumerable<ExportRow> RowsAsync(CancellationToken cancellationToken);
}

/// <summary>The items of a screening job in line order.</summary>
internal sealed class ScreeningJobExportSource(ScreeningJobService service, ScreeningJob job) : IExportSource
{
    public static async Task<ScreeningJobExportSource> OpenAsync(ScreeningJobService service, string name, CancellationToken cancellationToken) =>
        new(service, await ScreeningCli.RequireJobAsync(service, name, cancellationToken).ConfigureAwait(false));

    public async IAsyncEnumerable<ExportRow> RowsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var i in service.StreamItemsAsync(job.Id, cancellationToken).ConfigureAwait(false))
            yield return new ExportRow(i.LineIndex, i.Smiles, i.Name, ScreeningCli.StatusName(i.Status), i.Error,
                i.EHf, i.Homo, i.Lumo, i.HomoLumoGap, i.EVqe, i.MolWeight, i.CLogP, i.Qed);
    }
}

/// <summary>Writes rows in one format.</summary>
internal interface IExportWriter
{
    Task WriteAsync(IAsyncEnumerable<ExportRow> rows, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>The export formats.</summary>
internal static class ExportWriters
{
    public static IExportWriter For(string format) => format.ToLowerInvariant() switch
    {
        "csv" => new CsvExportWriter(),
        "smi" or "smiles" => new SmilesExportWriter(),
        "sdf" => new SdfExportWriter(),
        _ => throw new CliUsageException($"unknown --format '{format}' (expected csv, sdf or smi)"),
    };
}

/// <summary>CSV with exactly the contract's columns, one row per input line; numbers round-trip, invariant culture.</summary>
internal sealed class CsvExportWriter : IExportWriter
{
    public static readonly string[] Columns = ["index", "smiles", "name", "status", "error", "e_hf", "homo", "lumo", "homo_lumo_gap", "e_vqe", "mol_weight", "clogp", "qed"];

    public async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture };
        var csv = CsvWriter.Create(output, options, true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(Columns, cancellationToken).ConfigureAwait(false);
            var fields = new string[Columns.Length];
            await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                fields[0] = r.Index.ToString(CultureInfo.InvariantCulture);
                fields[1] = r.Smiles;
                fields[2] = r.Name;
                fields[3] = r.Status;
                fields[4] = r.Error ?? "";
                var values = new[] { r.EHf, r.Homo, r.Lumo, r.HomoLumoGap, r.EVqe, r.MolWeight, r.CLogP, r.Qed };
                for (var k = 0; k < values.Length; k++) fields[5 + k] = values[k] is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : "";
                await csv.WriteRecordAsync(fields, cancellationToken).ConfigureAwait(false);
            }
            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>SMILES file of the scored (status done) molecules: SMILES, a tab, the name.</summary>
internal sealed class SmilesExportWriter : IExportWriter
{
    public async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, TextWriter output, CancellationToken cancellationToken)
    {
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (r.Status != "done") continue;
            await output.WriteLineAsync(r.Name.Length > 0 ? $"{r.Smiles}\t{r.Name}" : r.Smiles).ConfigureAwait(false);
        }
    }
}

/// <summary>SD file of the rows whose SMILES is a molecule (status done, or failed at a later stage): a 3D conformer
/// with hydrogens (MolForge.Chem's ETKDG-style embedding + MMFF94; zero coordinates if embedding fails), the name as
/// title, and data fields index, smiles, status and the computed values.</summary>
internal sealed class SdfExportWriter : IExportWriter
{
    public async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, TextWriter output, CancellationToken cancellationToken)
    {
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (r.Status == "invalid" || !MolForge.Chem.Smiles.SmilesReader.TryParse(r.Smiles, out var molecule, out _)) continue;
            try
            {
                molecule = MolForge.Chem.Conformers.ConformerGenerator.Generate(molecule, new MolForge.Chem.Conformers.ConformerOptions(Seed: 42))[0].Molecule;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException)
            {
                // keep the 2D graph with zero coordinates
            }
            var props = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["index"] = r.Index.ToString(CultureInfo.InvariantCulture),
                ["smiles"] = r.Smiles,
                ["status"] = r.Status,
            };
            if (r.Error is not null) props["error"] = r.Error;
            void Add(string key, double? value)
            {
                if (value is { } v) props[key] = v.ToString("R", CultureInfo.InvariantCulture);
            }
            Add("e_hf", r.EHf);
            Add("homo", r.Homo);
            Add("lumo", r.Lumo);
            Add("homo_lumo_gap", r.HomoLumoGap);
            Add("e_vqe", r.EVqe);
            Add("mol_weight", r.MolWeight);
            Add("clogp", r.CLogP);
            Add("qed", r.Qed);
            var record = molecule.WithName(r.Name.Length > 0 ? r.Name : r.Smiles).WithProperties(props);
            using var buffer = new StringWriter(CultureInfo.InvariantCulture);
            MolForge.Chem.Formats.SdfWriter.Write(buffer, record);
            await output.WriteAsync(buffer.ToString()).ConfigureAwait(false);
        }
    }
}
