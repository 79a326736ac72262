using System.Text;

namespace Nyc311.Simulation.Output;

/// <summary>
/// A char buffer encoded to UTF-8 in large blocks: much cheaper per call than a
/// <see cref="StreamWriter"/> for the many short writes of a row. Owns nothing but its buffers.
/// </summary>
internal sealed class TextSink
{
    private const int Capacity = 1 << 15;

    private readonly Stream _stream;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] _chars = new char[Capacity];
    private readonly byte[] _bytes = new byte[(Capacity * 3) + 16];
    private int _length;

    public TextSink(Stream stream) => _stream = stream;

    /// <summary>Bytes handed to the stream so far.</summary>
    public long BytesWritten { get; private set; }

    public void Write(char c)
    {
        if (_length == Capacity)
        {
            Drain(flush: false);
        }

        _chars[_length++] = c;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        if (text.Length <= Capacity - _length)
        {
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
            return;
        }

        while (text.Length > 0)
        {
            if (_length == Capacity)
            {
                Drain(flush: false);
            }

            var n = Math.Min(text.Length, Capacity - _length);
            text[..n].CopyTo(_chars.AsSpan(_length));
            _length += n;
            text = text[n..];
        }
    }

    /// <summary>A span of at least <paramref name="size"/> chars to fill; commit with <see cref="Advance"/>.</summary>
    public Span<char> Reserve(int size)
    {
        if (Capacity - _length < size)
        {
            Drain(flush: false);
        }

        return _chars.AsSpan(_length, size);
    }

    public void Advance(int count) => _length += count;

    public void WriteNumber(long value)
    {
        var span = Reserve(20);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>Encodes everything buffered and flushes the stream.</summary>
    public void Flush()
    {
        Drain(flush: true);
        _stream.Flush();
    }

    private void Drain(bool flush)
    {
        var count = _encoder.GetBytes(_chars, 0, _length, _bytes, 0, flush);
        _stream.Write(_bytes, 0, count);
        BytesWritten += count;
        _length = 0;
    }
}
