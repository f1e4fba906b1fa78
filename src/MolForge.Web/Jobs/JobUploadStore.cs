using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using MolForge.Application.Screening;

namespace MolForge.Web.Jobs;

/// <summary>Keeps uploaded screening inputs: checks the file's name and size, then streams it to a file under the
/// upload folder (64 KiB at a time, never whole in memory). Each owner has a sub-folder.</summary>
public sealed class JobUploadStore(string folder, long maxBytes)
{
    /// <summary>Accepted file name endings (each also with .gz).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".smi", ".smiles", ".txt", ".csv", ".tsv", ".sdf", ".sd", ".mol"];

    /// <summary>The upload folder.</summary>
    public string Folder => folder;

    /// <summary>Largest accepted upload (bytes).</summary>
    public long MaxBytes => maxBytes;

    /// <summary>The <c>accept</c> attribute for the file input.</summary>
    public static string Accept => string.Join(',', Extensions.Concat(Extensions.Select(e => e + ".gz")).Append(".gz"));

    /// <summary>Why a file cannot be uploaded (bad type, empty, too large), or null when it can.</summary>
    public string? Check(string fileName, long size)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var bare = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        var ext = Path.GetExtension(bare).ToLowerInvariant();
        if (!Extensions.Contains(ext))
            return $"{fileName}: not a SMILES, CSV or SDF file (expected {string.Join(", ", Extensions)}, optionally gzipped as .gz)";
        if (size == 0) return $"{fileName} is empty";
        if (size > maxBytes) return $"{fileName} is {Size(size)}, beyond the upload limit of {Size(maxBytes)}; nothing was uploaded";
        return null;
    }

    /// <summary>Streams <paramref name="file"/> to a new file under the owner's folder; returns its path. The
    /// browser stream refuses to deliver more than the limit.</summary>
    /// <exception cref="IOException">The upload broke off or was larger than announced.</exception>
    public async Task<string> SaveAsync(IBrowserFile file, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ownerFolder = Path.Combine(folder, Safe(ownerId, 64));
        Directory.CreateDirectory(ownerFolder);
        var path = Path.Combine(ownerFolder, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}-{Safe(file.Name, 100)}");
        try
        {
            await using var source = file.OpenReadStream(maxBytes, cancellationToken);
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await source.CopyToAsync(target, 1 << 16, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Delete(path);
            throw;
        }
        return path;
    }

    /// <summary>Removes an uploaded file that no job uses (refused, or a resubmission of a stored job).</summary>
    public void Delete(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Only files inside the upload folder (a job's input elsewhere, e.g. from the CLI, is never touched).
        if (!ScreeningJobService.IsUnderFolder(folder, path)) return;
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Bytes as a short human text (KiB, MiB).</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => FormattableString.Invariant($"{bytes / 1048576.0:0.#} MiB"),
        >= 1 << 10 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KiB"),
        _ => FormattableString.Invariant($"{bytes} bytes"),
    };

    /// <summary>Letters, digits, dot, dash and underscore of <paramref name="text"/> (others become '_'), at most
    /// <paramref name="max"/> characters, keeping the ending (the extension decides the format).</summary>
    private static string Safe(string text, int max)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_');
        var s = sb.ToString().TrimStart('.');
        if (s.Length == 0) s = "input";
        return s.Length <= max ? s : s[^max..];
    }
}
