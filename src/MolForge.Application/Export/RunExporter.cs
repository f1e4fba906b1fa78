using System.Globalization;
using System.Text;
using CsvHelper;
using MolForge.Application.Storage;

namespace MolForge.Application.Export;

/// <summary>Writes a design run's candidates in rank order. SDF: the stored 3D conformer (with hydrogens) of every
/// scored candidate and the data fields of shared/CLI.md; SMILES: one scored candidate per line with its rank; CSV:
/// every candidate, failed ones with their error.</summary>
public sealed class RunExporter : IRunExporter
{
    /// <summary>CSV columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "rank", "smiles", "status", "error", "mf_score", "pareto", "mol_weight", "clogp", "qed", "tpsa", "hbd", "hba",
        "rotatable_bonds", "heavy_atoms", "e_hf", "homo", "lumo", "homo_lumo_gap", "e_casci", "e_vqe", "basis", "active_space", "backend",
    ];

    public async Task WriteAsync(DesignRun run, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            var ordered = run.Candidates.OrderBy(c => c.Rank).ThenBy(c => c.Index).ToList();
            var orbitals = OrbitalsOf(run);
            switch (format)
            {
                case ExportFormat.Sdf:
                    foreach (var c in ordered.Where(c => c.Status == CandidateStatus.Scored && c.ConformerMolBlock is not null))
                        await writer.WriteAsync(SdfRecord(c, orbitals)).ConfigureAwait(false);
                    break;
                case ExportFormat.Smiles:
                    foreach (var c in ordered.Where(c => c.Status == CandidateStatus.Scored))
                        await writer.WriteAsync($"{c.Smiles}\tmf_rank_{c.Rank}\n").ConfigureAwait(false);
                    break;
                case ExportFormat.Csv:
                    WriteCsv(writer, ordered, orbitals);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format");
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The run's active-space orbitals ("canonical" or "mp2") from the scoring object of its stored prompt
    /// (canonical when the prompt names none or cannot be read: the prompt was validated when the run was made).</summary>
    public static string OrbitalsOf(DesignRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(run.PromptJson);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("scoring", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Object
                && s.TryGetProperty("orbitals", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.String
                && o.GetString()!.Trim().ToLowerInvariant() == "mp2" ? "mp2" : "canonical";
        }
        catch (System.Text.Json.JsonException)
        {
            return "canonical";
        }
    }

    /// <summary>The data fields of a candidate's SDF record, in the contract's order (absent values left out);
    /// <paramref name="orbitals"/> ("canonical" or "mp2") is recorded with the active space.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SdfFields(Candidate c, string orbitals = "canonical")
    {
        ArgumentNullException.ThrowIfNull(c);
        var f = new List<KeyValuePair<string, string>>
        {
            new("mf_rank", c.Rank.ToString(CultureInfo.InvariantCulture)),
            new("mf_score", Num(c.Score)),
            new("smiles", c.Smiles),
            new("mol_weight", Num(c.MolWeight)),
            new("clogp", Num(c.CLogP)),
            new("qed", Num(c.Qed)),
            new("tpsa", Num(c.Tpsa)),
        };
        if (c.Quantum is { } q)
        {
            f.Add(new("e_hf", Num(q.EHf)));
            f.Add(new("homo", Num(q.Homo)));
            f.Add(new("lumo", Num(q.Lumo)));
            f.Add(new("homo_lumo_gap", Num(q.HomoLumoGap)));
            if (q.EVqe is { } vqe) f.Add(new("e_vqe", Num(vqe)));
            if (q.ECasci is { } casci) f.Add(new("e_casci", Num(casci)));
            f.Add(new("basis", q.Basis));
            f.Add(new("active_space", Design.ScoringSettings.DescribeActiveSpace(q.ActiveElectrons, q.ActiveOrbitals, orbitals)));
            f.Add(new("backend", q.Backend));
        }
        return f;
    }

    private static string SdfRecord(Candidate c, string orbitals)
    {
        var sb = new StringBuilder(c.ConformerMolBlock!.Length + 512);
        sb.Append(c.ConformerMolBlock);
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        foreach (var (key, value) in SdfFields(c, orbitals)) sb.Append(">  <").Append(key).Append(">\n").Append(value).Append("\n\n");
        sb.Append("$$$$\n");
        return sb.ToString();
    }

    private static void WriteCsv(TextWriter writer, List<Candidate> candidates, string orbitals)
    {
        var options = new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteHeader([.. CsvColumns]);
        foreach (var c in candidates)
        {
            var scored = c.Status == CandidateStatus.Scored;
            var q = c.Quantum;
            string Int(int v) => scored ? v.ToString(CultureInfo.InvariantCulture) : "";
            string Dbl(double v) => scored ? Num(v) : "";
            csv.WriteRecord(
            [
                c.Rank.ToString(CultureInfo.InvariantCulture), c.Smiles, scored ? "done" : "failed", c.Error ?? "",
                Dbl(c.Score), scored ? (c.IsParetoOptimal ? "1" : "0") : "", Dbl(c.MolWeight), Dbl(c.CLogP), Dbl(c.Qed), Dbl(c.Tpsa),
                Int(c.Hbd), Int(c.Hba), Int(c.RotatableBonds), Int(c.HeavyAtoms),
                q is null ? "" : Num(q.EHf), q is null ? "" : Num(q.Homo), q is null ? "" : Num(q.Lumo), q is null ? "" : Num(q.HomoLumoGap),
                q?.ECasci is { } e1 ? Num(e1) : "", q?.EVqe is { } e2 ? Num(e2) : "",
                q?.Basis ?? "", q is null ? "" : Design.ScoringSettings.DescribeActiveSpace(q.ActiveElectrons, q.ActiveOrbitals, orbitals), q?.Backend ?? "",
            ]);
        }
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
