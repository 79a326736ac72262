using System.Buffers;
using System.Text;

namespace Nyc311.Ingest.Files.Csv;

/// <summary>
/// Finds where each RFC 4180 record begins and ends in a stream of text: a line break ends a
/// record unless it is inside a quoted field, and a quote opens a quoted field only at the start
/// of a field. Counts physical lines (CRLF, LF or CR) so every record knows its first line.
/// Skips blank lines between records.
/// </summary>
internal sealed class CsvRecordScanner(TextReader reader, int maxRecordLength, int bufferSize = 1 << 16)
{
    private static readonly SearchValues<char> QuoteOrLineBreak = SearchValues.Create("\"\r\n");
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

    private readonly StringBuilder text = new();
    private char[] buffer = new char[bufferSize];
    private int position;
    private int length;
    private bool endOfInput;
    private long line = 1;

    // The last character consumed was '\r': a '\n' right after it belongs to the same line break.
    private bool afterCarriageReturn;

    /// <summary>The next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRawRecord?> NextAsync(CancellationToken cancellationToken)
    {
        if (!await SkipLineBreaksAsync(cancellationToken))
        {
            return null;
        }

        text.Clear();
        var startLine = line;
        var inQuotes = false;
        while (await FillAsync(cancellationToken))
        {
            var span = buffer.AsSpan(position, length - position);
            if (inQuotes)
            {
                var quote = span.IndexOf('"');
                Take(quote < 0 ? span : span[..quote]);
                if (quote >= 0)
                {
                    Take("\"");
                    if (await FillAsync(cancellationToken) && buffer[position] == '"')
                    {
                        Take("\"");
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
            }
            else
            {
                // Commas do not end records, so runs go from quote to quote or line break.
                var special = span.IndexOfAny(QuoteOrLineBreak);
                Take(special < 0 ? span : span[..special]);
                if (special >= 0)
                {
                    var c = span[special];
                    if (c is '\r' or '\n')
                    {
                        ConsumeLineBreak(c);
                        return new CsvRawRecord(text.ToString(), startLine, CsvRecordEnd.Complete);
                    }

                    // A quote opens a quoted field only at the start of a field.
                    inQuotes = text.Length == 0 || text[^1] == ',';
                    Take("\"");
                }
            }

            if (text.Length > maxRecordLength)
            {
                return await CutOverlongAsync(startLine, cancellationToken);
            }
        }

        return new CsvRawRecord(text.ToString(), startLine, inQuotes ? CsvRecordEnd.Unterminated : CsvRecordEnd.Complete);
    }

    /// <summary>Consumes characters into the record text, counting the line breaks among them.</summary>
    private void Take(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        text.Append(chars);
        position += chars.Length;
        if (!chars.ContainsAny(LineBreaks))
        {
            afterCarriageReturn = false;
            return;
        }

        foreach (var c in chars)
        {
            CountLine(c);
        }
    }

    private void ConsumeLineBreak(char c)
    {
        position++;
        CountLine(c);
    }

    private void CountLine(char c)
    {
        if (c == '\r' || (c == '\n' && !afterCarriageReturn))
        {
            line++;
        }

        afterCarriageReturn = c == '\r';
    }

    private async ValueTask<bool> SkipLineBreaksAsync(CancellationToken cancellationToken)
    {
        while (await FillAsync(cancellationToken))
        {
            var c = buffer[position];
            if (c is not ('\r' or '\n'))
            {
                afterCarriageReturn = false;
                return true;
            }

            ConsumeLineBreak(c);
        }

        return false;
    }

    /// <summary>
    /// A record past the length limit is almost always a quote that never closes. Reject its first
    /// line and put the rest back in front of the unread input, so the following lines are read
    /// as records of their own instead of being swallowed.
    /// </summary>
    private async ValueTask<CsvRawRecord> CutOverlongAsync(long startLine, CancellationToken cancellationToken)
    {
        var all = text.ToString();
        var firstBreak = all.AsSpan().IndexOfAny(LineBreaks);
        if (firstBreak >= 0)
        {
            var rest = firstBreak + (all.AsSpan(firstBreak).StartsWith("\r\n") ? 2 : 1);
            PushBack(all.AsSpan(rest));
            line = startLine + 1;
            afterCarriageReturn = rest == all.Length && all[firstBreak] == '\r';
            return new CsvRawRecord(all[..firstBreak], startLine, CsvRecordEnd.TooLong);
        }

        // One physical line longer than the limit: drop the rest of it.
        while (await FillAsync(cancellationToken))
        {
            var span = buffer.AsSpan(position, length - position);
            var lineBreak = span.IndexOfAny(LineBreaks);
            if (lineBreak >= 0)
            {
                position += lineBreak;
                ConsumeLineBreak(span[lineBreak]);
                break;
            }

            position = length;
        }

        return new CsvRawRecord(all[..maxRecordLength], startLine, CsvRecordEnd.TooLong);
    }

    private void PushBack(ReadOnlySpan<char> chars)
    {
        var unread = buffer.AsSpan(position, length - position);
        var combined = new char[Math.Max(bufferSize, chars.Length + unread.Length)];
        chars.CopyTo(combined);
        unread.CopyTo(combined.AsSpan(chars.Length));
        buffer = combined;
        length = chars.Length + unread.Length;
        position = 0;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (position < length)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        if (buffer.Length > bufferSize)
        {
            buffer = new char[bufferSize];
        }

        position = 0;
        length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        endOfInput = length == 0;
        return !endOfInput;
    }
}
