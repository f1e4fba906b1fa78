using System.Security.Cryptography;

namespace MolForge.Application.Screening;

/// <summary>Where a chunk of a job's input starts, so that it can be read by seeking straight to it.</summary>
/// <param name="Index">Chunk number (0-based).</param>
/// <param name="FirstRecord">Index of its first record.</param>
/// <param name="Count">Records in the chunk.</param>
/// <param name="ByteOffset">Uncompressed byte offset of its first record.</param>
/// <param name="FirstLineNumber">1-based input line of its first record.</param>
public sealed record ChunkRange(int Index, int FirstRecord, int Count, long ByteOffset, long FirstLineNumber)
{
    /// <summary>One past the last record index.</summary>
    public int EndRecord => FirstRecord + Count;
}

/// <summary>Raised when an input is refused before a job starts (too large, too many records, unreadable).</summary>
public sealed class ScreeningInputException : Exception
{
    public ScreeningInputException() : base("the screening input was refused") { }
    public ScreeningInputException(string message) : base(message) { }
    public ScreeningInputException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>One streaming pass over an input: its record count, chunk boundaries, CSV layout and SHA-256.</summary>
/// <param name="Format">smi, csv or sdf.</param>
/// <param name="Total">Records in the input.</param>
/// <param name="Bytes">Size of the file on disk.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes.</param>
/// <param name="Csv">CSV columns (CSV inputs only).</param>
/// <param name="Chunks">The chunks in order.</param>
public sealed record ScreeningInputPlan(string Format, int Total, long Bytes, string Sha256, CsvColumns? Csv, IReadOnlyList<ChunkRange> Chunks)
{
    /// <summary>Checks size up front, then streams the file once for the hash and once for the records.</summary>
    /// <exception cref="ScreeningInputException">Missing file, beyond the limits, or a CSV without a smiles column.</exception>
    public static async Task<ScreeningInputPlan> CreateAsync(string path, int chunkSize, ScreeningLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize));
        var info = new FileInfo(path);
        if (!info.Exists) throw new ScreeningInputException($"input file not found: {path}");
        if (info.Length > limits.MaxInputBytes)
            throw new ScreeningInputException($"{path}: {info.Length} bytes is beyond the limit of {limits.MaxInputBytes} bytes for a screening input");
        string sha;
        await using (var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(raw, cancellationToken).ConfigureAwait(false));

        var format = MoleculeRecordReader.DetectFormat(path);
        var chunks = new List<ChunkRange>();
        var total = 0;
        CsvColumns? csv = null;
        await Task.Run(() =>
        {
            using var stream = MoleculeRecordReader.OpenAt(path, 0);
            var lines = new ByteLineReader(stream, 0);
            try
            {
                if (format == "csv")
                {
                    var header = lines.ReadLine() ?? throw new ScreeningInputException($"{path}: line 1: the CSV input is empty (a header with a smiles column is required)");
                    csv = MoleculeRecordReader.ParseCsvHeader(header);
                }
                var firstLine = format == "csv" ? 2L : 1L;
                foreach (var (record, offset) in MoleculeRecordReader.Read(lines, format, csv, 0, firstLine))
                {
                    if (record.Index % chunkSize == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        chunks.Add(new ChunkRange(chunks.Count, record.Index, 0, offset, record.LineNumber));
                    }
                    total = record.Index + 1;
                    if (total > limits.MaxRecords)
                        throw new ScreeningInputException($"{path}: more than {limits.MaxRecords} records, the limit for a screening input");
                }
            }
            catch (InvalidDataException ex)
            {
                throw new ScreeningInputException($"{path}: {ex.Message}", ex);
            }
        }, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < chunks.Count; i++)
            chunks[i] = chunks[i] with { Count = Math.Min(chunkSize, total - chunks[i].FirstRecord) };
        return new ScreeningInputPlan(format, total, info.Length, sha, csv, chunks);
    }

    /// <summary>Streams the records of one chunk (seeking to its start).</summary>
    public IEnumerable<InputRecord> ReadChunk(string path, ChunkRange chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        using var stream = MoleculeRecordReader.OpenAt(path, chunk.ByteOffset);
        var lines = new ByteLineReader(stream, chunk.ByteOffset);
        var columns = Format == "csv" ? Csv : null;
        foreach (var (record, _) in MoleculeRecordReader.Read(lines, Format, columns, chunk.FirstRecord, chunk.FirstLineNumber))
        {
            if (record.Index >= chunk.EndRecord) yield break;
            yield return record;
        }
    }
}
