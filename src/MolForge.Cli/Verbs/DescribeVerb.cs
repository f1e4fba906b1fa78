using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MolForge.Application.Chemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge describe FILE|- --format csv|json|table`: RDKit-defined descriptors, one row per valid input.</summary>
internal sealed class DescribeVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "SMILES file (SMILES [name] per line; .gz ok), or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output format: csv, json or table.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("describe", "Molecular descriptors as RDKit defines them: " + string.Join(',', DescriptorsService.Columns) + ".");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var fmt = r.GetValue(format);
            if (fmt is not ("csv" or "json" or "table"))
                throw new CliUsageException($"--format must be csv, json or table, not '{fmt}'");
            var invalid = 0;
            var reader = io.OpenInput(r.GetValue(file)!);
            var writer = io.OpenOutput(r.GetValue(output));
            try
            {
                var rows = DescriptorsService.DescribeLines(reader, (line, reason) =>
                {
                    invalid++;
                    io.ReportInvalid(line, reason);
                }, ct);
                switch (fmt)
                {
                    case "json": WriteJson(rows, writer); break;
                    case "table": WriteTable(rows, writer); break;
                    default: WriteCsv(rows, writer); break;
                }
                writer.Flush();
            }
            finally
            {
                if (!ReferenceEquals(reader, io.In)) reader.Dispose();
                if (!ReferenceEquals(writer, io.Out)) writer.Dispose();
            }
            return Task.FromResult(invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok);
        });
        return command;
    }

    private static string[] Values(DescriptorRow row)
    {
        var d = row.Descriptors;
        var c = CultureInfo.InvariantCulture;
        return
        [
            row.Smiles, row.Name, d.Formula, d.MolWt.ToString("F3", c), d.ExactMolWt.ToString("F4", c),
            d.HeavyAtoms.ToString(c), d.LogP.ToString("F4", c), d.Tpsa.ToString("F2", c), d.Hbd.ToString(c),
            d.Hba.ToString(c), d.RotatableBonds.ToString(c), d.Rings.ToString(c), d.AromaticRings.ToString(c),
            d.FractionCSP3.ToString("F4", c), d.Qed.ToString("F4", c),
        ];
    }

    private static void WriteCsv(IEnumerable<DescriptorRow> rows, TextWriter w)
    {
        w.WriteLine(string.Join(',', DescriptorsService.Columns));
        var sb = new StringBuilder(256);
        foreach (var row in rows)
        {
            sb.Clear();
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(',');
                AppendCsvField(sb, values[i]);
            }
            w.WriteLine(sb.ToString());
        }
    }

    private static void AppendCsvField(StringBuilder sb, string v)
    {
        if (v.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(v);
            return;
        }
        sb.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static void WriteJson(IEnumerable<DescriptorRow> rows, TextWriter w)
    {
        using var stream = new MemoryStream();
        w.Write('[');
        var first = true;
        foreach (var row in rows)
        {
            stream.SetLength(0);
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                var d = row.Descriptors;
                json.WriteStartObject();
                json.WriteString("smiles", row.Smiles);
                json.WriteString("name", row.Name);
                json.WriteString("formula", d.Formula);
                json.WriteNumber("mol_weight", Math.Round(d.MolWt, 4));
                json.WriteNumber("exact_mass", Math.Round(d.ExactMolWt, 5));
                json.WriteNumber("heavy_atoms", d.HeavyAtoms);
                json.WriteNumber("clogp", Math.Round(d.LogP, 4));
                json.WriteNumber("tpsa", Math.Round(d.Tpsa, 2));
                json.WriteNumber("hbd", d.Hbd);
                json.WriteNumber("hba", d.Hba);
                json.WriteNumber("rotatable_bonds", d.RotatableBonds);
                json.WriteNumber("rings", d.Rings);
                json.WriteNumber("aromatic_rings", d.AromaticRings);
                json.WriteNumber("fraction_csp3", Math.Round(d.FractionCSP3, 4));
                json.WriteNumber("qed", Math.Round(d.Qed, 4));
                json.WriteEndObject();
            }
            w.Write(first ? "\n" : ",\n");
            first = false;
            w.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        }
        w.WriteLine(first ? "]" : "\n]");
    }

    private static void WriteTable(IEnumerable<DescriptorRow> rows, TextWriter w)
    {
        var cells = new List<string[]> { DescriptorsService.Columns.ToArray() };
        cells.AddRange(rows.Select(Values));
        var widths = new int[DescriptorsService.Columns.Count];
        foreach (var r in cells)
            for (var i = 0; i < r.Length; i++) widths[i] = Math.Max(widths[i], r[i].Length);
        var sb = new StringBuilder();
        for (var k = 0; k < cells.Count; k++)
        {
            sb.Clear();
            for (var i = 0; i < cells[k].Length; i++)
            {
                if (i > 0) sb.Append("  ");
                var numeric = i >= 3 && k > 0;
                sb.Append(numeric ? cells[k][i].PadLeft(widths[i]) : cells[k][i].PadRight(widths[i]));
            }
            w.WriteLine(sb.ToString().TrimEnd());
            if (k == 0) w.WriteLine(string.Join("  ", widths.Select(x => new string('-', x))));
        }
    }
}
