namespace Nyc311.Ingest.Files.Json;

/// <summary>
/// Splits a UTF-8 stream into lines (LF or CRLF; the line break is dropped), streaming. A line
/// longer than the limit comes back cut, marked <see cref="ByteLine.TooLong"/>, and the rest of
/// it is skipped. A UTF-8 byte order mark at the start is dropped.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineLength, int bufferSize = 1 << 16)
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private byte[] buffer = new byte[bufferSize];
    private int position;
    private int length;
    private bool endOfInput;
    private long number;

    /// <summary>The next line, or null at the end; its bytes are valid until the next call.</summary>
    public async ValueTask<ByteLine?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(position, length - position).IndexOf((byte)'\n');
            if (newline >= 0 && newline <= maxLineLength)
            {
                return Line(position, newline, consumed: newline + 1, tooLong: false);
            }

            if (newline > maxLineLength || length - position > maxLineLength)
            {
                var cut = Line(position, maxLineLength, consumed: 0, tooLong: true);
                var prefix = cut.Bytes.ToArray();
                await SkipPastNewlineAsync(cancellationToken);
                return cut with { Bytes = prefix };
            }

            if (!await ReadMoreAsync(cancellationToken))
            {
                return position < length ? Line(position, length - position, consumed: length - position, tooLong: false) : null;
            }
        }
    }

    private ByteLine Line(int start, int count, int consumed, bool tooLong)
    {
        number++;
        var bytes = buffer.AsMemory(start, count);
        if (number == 1 && bytes.Span.StartsWith(ByteOrderMark))
        {
            bytes = bytes[ByteOrderMark.Length..];
        }

        if (!tooLong && bytes.Span.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        position += consumed;
        return new ByteLine(bytes, number, tooLong);
    }

    private async ValueTask SkipPastNewlineAsync(CancellationToken cancellationToken)
    {
        do
        {
            var newline = buffer.AsSpan(position, length - position).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                position += newline + 1;
                return;
            }

            position = length;
        }
        while (await ReadMoreAsync(cancellationToken));
    }

    private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        if (endOfInput)
        {
            return false;
        }

        if (position > 0)
        {
            Buffer.BlockCopy(buffer, position, buffer, 0, length - position);
            length -= position;
            position = 0;
        }

        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
        endOfInput = read == 0;
        length += read;
        return !endOfInput;
    }
}

/// <summary>One line of a <see cref="ByteLineReader"/>.</summary>
/// <param name="Bytes">The line without its line break (cut to the limit when too long).</param>
/// <param name="Number">1-based line number.</param>
/// <param name="TooLong">Whether the line was longer than the limit.</param>
internal readonly record struct ByteLine(ReadOnlyMemory<byte> Bytes, long Number, bool TooLong);
