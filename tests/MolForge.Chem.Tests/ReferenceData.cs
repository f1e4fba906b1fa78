using System.IO.Compression;
using System.Text.Json;

namespace MolForge.Chem.Tests;

/// <summary>RDKit reference records made by tools/references/make_smiles_references.py.</summary>
public sealed record SmilesReference(string Source, string Smiles, string Canonical, string CanonicalNoStereo, int[] H, int[] Aromatic, int[] Charge, int Rings);

/// <summary>An input with RDKit's verdict.</summary>
public sealed record InvalidReference(string Smiles, bool RdkitValid, string? RdkitCanonical);

internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<SmilesReference> Molecules { get; } = Load<SmilesReference>("smiles_reference.jsonl.gz");

    public static IReadOnlyList<InvalidReference> Invalid { get; } = Load<InvalidReference>("smiles_invalid.jsonl.gz");

    private static List<T> Load<T>(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "References", file);
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var list = new List<T>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) list.Add(JsonSerializer.Deserialize<T>(line, Options)!);
        return list;
    }
}
