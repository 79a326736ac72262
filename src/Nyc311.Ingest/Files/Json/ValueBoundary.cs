using System.Buffers;

namespace Nyc311.Ingest.Files.Json;

/// <summary>
/// Finds where one JSON value ends without parsing it, chunk by chunk: strings (with escapes),
/// nesting depth of objects and arrays, or the delimiter after a bare scalar.
/// </summary>
internal struct ValueBoundary
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}[{\""u8);

    private readonly bool isScalar;
    private bool started;
    private bool inString;
    private bool escaped;
    private int depth;

    /// <summary>Starts a value whose first byte is <paramref name="first"/>.</summary>
    public ValueBoundary(byte first) => isScalar = first is not ((byte)'{' or (byte)'[' or (byte)'"');

    /// <summary>Whether the end of the input also ends the value (true for bare scalars such as numbers).</summary>
    public readonly bool EndsAtEndOfInput => isScalar;

    /// <summary>Consumes the next chunk of the value: how many bytes belong to it, and whether it ended there.</summary>
    public (int Consumed, bool Complete) Advance(ReadOnlySpan<byte> data)
    {
        if (isScalar)
        {
            var end = data.IndexOfAny(ScalarEnd);
            return end < 0 ? (data.Length, false) : (end, true);
        }

        var i = 0;
        if (!started)
        {
            started = true;
            if (data[0] == (byte)'"')
            {
                inString = true;
                i = 1;
            }
        }

        while (i < data.Length)
        {
            if (escaped)
            {
                escaped = false;
                i++;
                continue;
            }

            var next = data[i..].IndexOfAny(inString ? InString : Structural);
            if (next < 0)
            {
                return (data.Length, false);
            }

            i += next;
            switch (data[i])
            {
                case (byte)'\\':
                    escaped = true;
                    break;
                case (byte)'"' when inString:
                    inString = false;
                    if (depth == 0)
                    {
                        return (i + 1, true);
                    }

                    break;
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                default:
                    depth--;
                    if (depth <= 0)
                    {
                        return (i + 1, true);
                    }

                    break;
            }

            i++;
        }

        return (data.Length, false);
    }
}
