namespace Nyc311.Ingest.Files.Json;

/// <summary>
/// Cuts a JSON text into records without parsing it: the elements of a top-level array, or the
/// top-level values one after another. Because boundaries come from quotes and brackets alone, a
/// record that is invalid inside costs only itself; a file cut off half-way yields what came
/// before and one broken piece for the tail. Streams: memory stays around the largest record.
/// </summary>
internal sealed class JsonValueScanner(Stream stream, int maxValueLength, int bufferSize = 1 << 16)
{
    private byte[] buffer = new byte[bufferSize];
    private int position;
    private int length;
    private int keepFrom;
    private bool endOfInput;
    private long line = 1;
    private Level level = Level.Start;

    private enum Level
    {
        Start,
        Values,
        InArray,
        AfterArray,
        Done,
    }

    /// <summary>The next value or broken piece, or null at the end; its bytes are valid until the next call.</summary>
    public async ValueTask<JsonSlice?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (level == Level.Done)
            {
                return null;
            }

            if (!await SkipWhitespaceAsync(cancellationToken))
            {
                var unclosed = level == Level.InArray;
                level = Level.Done;
                return unclosed ? Broken(ReadOnlyMemory<byte>.Empty, line, "the file ends before the array's closing ']' (truncated file?)") : null;
            }

            var c = buffer[position];
            if (level == Level.Start)
            {
                level = Level.Values;
                if (c == (byte)'[')
                {
                    level = Level.InArray;
                    position++;
                    continue;
                }
            }
            else if (level == Level.InArray && c == (byte)',')
            {
                position++;
                continue;
            }
            else if (level == Level.InArray && c == (byte)']')
            {
                level = Level.AfterArray;
                position++;
                continue;
            }
            else if (level == Level.AfterArray)
            {
                level = Level.Done;
                return await ReadRestAsync("unexpected content after the array's closing ']'", cancellationToken);
            }

            if (c is (byte)',' or (byte)']' or (byte)'}' or (byte)':')
            {
                position++;
                return Broken(new[] { c }, line, $"unexpected '{(char)c}' between records");
            }

            return await ScanValueAsync(cancellationToken);
        }
    }

    private async ValueTask<JsonSlice> ScanValueAsync(CancellationToken cancellationToken)
    {
        var startLine = line;
        keepFrom = position;
        var boundary = new ValueBoundary(buffer[position]);
        byte[]? overlongPrefix = null;
        while (true)
        {
            var (consumed, complete) = boundary.Advance(buffer.AsSpan(position, length - position));
            line += buffer.AsSpan(position, consumed).Count((byte)'\n');
            position += consumed;
            if (overlongPrefix is null && position - keepFrom > maxValueLength)
            {
                overlongPrefix = buffer.AsSpan(keepFrom, maxValueLength).ToArray();
            }

            if (complete)
            {
                break;
            }

            if (overlongPrefix is not null)
            {
                keepFrom = position;
            }

            if (!await ReadMoreAsync(cancellationToken))
            {
                if (boundary.EndsAtEndOfInput && overlongPrefix is null)
                {
                    break;
                }

                level = Level.Done;
                return Broken(overlongPrefix ?? buffer.AsMemory(keepFrom, position - keepFrom), startLine, "the file ends inside this record (truncated file?)");
            }
        }

        var start = keepFrom;
        keepFrom = position;
        return overlongPrefix is not null
            ? Broken(overlongPrefix, startLine, $"the record runs past {maxValueLength} bytes")
            : new JsonSlice(buffer.AsMemory(start, position - start), startLine, JsonSliceKind.Value, null);
    }

    private async ValueTask<JsonSlice> ReadRestAsync(string problem, CancellationToken cancellationToken)
    {
        var startLine = line;
        var kept = new MemoryStream();
        do
        {
            var room = maxValueLength - (int)kept.Length;
            kept.Write(buffer, position, Math.Min(room, length - position));
            position = length;
            keepFrom = position;
        }
        while (await ReadMoreAsync(cancellationToken));

        return Broken(kept.ToArray(), startLine, problem);
    }

    private async ValueTask<bool> SkipWhitespaceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (position < length)
            {
                var b = buffer[position];
                if (b == (byte)'\n')
                {
                    line++;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r') && !IsByteOrderMark(b))
                {
                    return true;
                }

                position++;
            }

            keepFrom = position;
            if (!await ReadMoreAsync(cancellationToken))
            {
                return false;
            }
        }
    }

    private bool IsByteOrderMark(byte b) => level == Level.Start && b is 0xEF or 0xBB or 0xBF;

    /// <summary>Reads more input after the unread bytes, keeping everything from <see cref="keepFrom"/> on.</summary>
    private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        if (endOfInput)
        {
            return false;
        }

        if (keepFrom > 0)
        {
            Buffer.BlockCopy(buffer, keepFrom, buffer, 0, length - keepFrom);
            length -= keepFrom;
            position -= keepFrom;
            keepFrom = 0;
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

    private static JsonSlice Broken(ReadOnlyMemory<byte> bytes, long line, string problem) =>
        new(bytes, line, JsonSliceKind.Broken, problem);
}
