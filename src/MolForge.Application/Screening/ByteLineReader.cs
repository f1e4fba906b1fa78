using System.Text;

namespace MolForge.Application.Screening;

/// <summary>Reads UTF-8 lines from a stream and knows the byte offset where each line starts, so that a chunk of a
/// large input can later be read by seeking straight to it (never loading the file whole). Accepts \n and \r\n line
/// ends and skips a UTF-8 byte-order mark at offset 0.</summary>
internal sealed class ByteLineReader
{
    private const int MaxLineBytes = 1 << 20;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private byte[] _line = new byte[256];

    /// <summary>Reads from <paramref name="stream"/>, whose current position is <paramref name="offset"/>.</summary>
    public ByteLineReader(Stream stream, long offset)
    {
        _stream = stream;
        _bufferOffset = offset;
        if (offset == 0)
        {
            Fill();
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3;
        }
    }

    /// <summary>Byte offset of the next line to be read.</summary>
    public long Offset => _bufferOffset + _start;

    /// <summary>The next line without its line end, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A line longer than 1 MiB.</exception>
    public string? ReadLine()
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (_start >= _end && !Fill())
            {
                if (!any) return null;
                break;
            }
            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            if (length + take > MaxLineBytes) throw new InvalidDataException($"a line longer than {MaxLineBytes} bytes at byte offset {Offset}");
            if (length + take > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, length + take));
            span[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _start += take;
            if (newline >= 0)
            {
                _start++;
                break;
            }
        }
        if (length > 0 && _line[length - 1] == (byte)'\r') length--;
        return Encoding.UTF8.GetString(_line, 0, length);
    }

    private bool Fill()
    {
        _bufferOffset += _end;
        _start = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
