using System.Globalization;
using System.Text;
using CsvHelper;
using MolForge.Application.Export;
using MolForge.Application.Storage;
using MolForge.Chem.Conformers;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Screening;

/// <summary>Writes a screening job's results, streamed from the database in line order (never all in memory), in the
/// formats of shared/CLI.md's <c>molforge export --job</c>: CSV with the contract's columns and one row per input
/// line; SMILES of the scored lines; SDF of the lines whose SMILES is a molecule, with a 3D conformer.</summary>
public sealed class ScreeningJobExporter(ScreeningJobService service)
{
    /// <summary>CSV columns, in order (shared/CLI.md).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
        ["index", "smiles", "name", "status", "error", "e_hf", "homo", "lumo", "homo_lumo_gap", "e_vqe", "mol_weight", "clogp", "qed"];

    /// <summary>The contract's lower-case item status (done, invalid, failed).</summary>
    public static string StatusName(ScreeningItemStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>File extension of a format.</summary>
    public static string Extension(ExportFormat format) => format switch { ExportFormat.Sdf => "sdf", ExportFormat.Smiles => "smi", _ => "csv" };

    /// <summary>Writes the job's items to <paramref name="output"/> (UTF-8, "\n" line ends).</summary>
    public async Task WriteAsync(ScreeningJob job, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await WriteAsync(job, format, writer, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the job's items to <paramref name="writer"/> ("\n" line ends; the caller flushes).</summary>
    public async Task WriteAsync(ScreeningJob job, ExportFormat format, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(writer);
        var items = service.StreamItemsAsync(job.Id, cancellationToken);
        switch (format)
        {
            case ExportFormat.Csv:
                await WriteCsvAsync(items, writer, cancellationToken).ConfigureAwait(false);
                break;
            case ExportFormat.Smiles:
                await foreach (var i in items.ConfigureAwait(false))
                {
                    if (i.Status != ScreeningItemStatus.Done) continue;
                    await writer.WriteAsync(i.Name.Length > 0 ? $"{i.Smiles}\t{i.Name}\n" : $"{i.Smiles}\n").ConfigureAwait(false);
                }
                break;
            case ExportFormat.Sdf:
                await foreach (var i in items.ConfigureAwait(false))
                {
                    if (SdfRecord(i) is { } record) await writer.WriteAsync(record).ConfigureAwait(false);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format");
        }
    }

    private static async Task WriteCsvAsync(IAsyncEnumerable<ScreeningItem> items, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture };
        var csv = CsvWriter.Create(output, options, true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync([.. CsvColumns], cancellationToken).ConfigureAwait(false);
            var fields = new string[CsvColumns.Count];
            await foreach (var i in items.ConfigureAwait(false))
            {
                fields[0] = i.LineIndex.ToString(CultureInfo.InvariantCulture);
                fields[1] = i.Smiles;
                fields[2] = i.Name;
                fields[3] = StatusName(i.Status);
                fields[4] = i.Error ?? "";
                var values = Values(i);
                for (var k = 0; k < values.Length; k++) fields[5 + k] = values[k].Value is { } d ? Num(d) : "";
                await csv.WriteRecordAsync(fields, cancellationToken).ConfigureAwait(false);
            }
            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string Key, double? Value)[] Values(ScreeningItem i) =>
    [
        ("e_hf", i.EHf), ("homo", i.Homo), ("lumo", i.Lumo), ("homo_lumo_gap", i.HomoLumoGap), ("e_vqe", i.EVqe),
        ("mol_weight", i.MolWeight), ("clogp", i.CLogP), ("qed", i.Qed),
    ];

    /// <summary>An SDF record (3D conformer with hydrogens, ETKDG-style embedding + force field; the 2D graph with zero
    /// coordinates if embedding fails) with data fields index, smiles, status, error and the computed values; null for
    /// invalid lines.</summary>
    private static string? SdfRecord(ScreeningItem i)
    {
        if (i.Status == ScreeningItemStatus.Invalid || !SmilesReader.TryParse(i.Smiles, out var molecule, out _)) return null;
        try
        {
            molecule = ConformerGenerator.Generate(molecule, new ConformerOptions(Seed: 42))[0].Molecule;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException)
        {
            // keep the graph with zero coordinates
        }
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["index"] = i.LineIndex.ToString(CultureInfo.InvariantCulture),
            ["smiles"] = i.Smiles,
            ["status"] = StatusName(i.Status),
        };
        if (i.Error is not null) props["error"] = i.Error;
        foreach (var (key, value) in Values(i))
            if (value is { } v) props[key] = Num(v);
        var record = molecule.WithName(i.Name.Length > 0 ? i.Name : i.Smiles).WithProperties(props);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        SdfWriter.Write(buffer, record);
        return buffer.ToString();
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
