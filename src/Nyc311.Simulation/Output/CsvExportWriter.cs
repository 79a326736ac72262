using System.Buffers;
using Nyc311.Domain;

namespace Nyc311.Simulation.Output;

/// <summary>
/// Writes records as the portal's CSV export: the 41-column header in
/// <see cref="ServiceRequestFields.CsvExport"/> order, <c>MM/DD/YYYY hh:mm:ss AM</c> timestamps,
/// <c>Location</c> as <c>"(lat, lon)"</c>, RFC 4180 quoting (only fields holding a comma, quote or
/// line break are quoted; quotes are doubled) and LF line ends, as in the real export. UTF-8 without BOM.
/// </summary>
public sealed class CsvExportWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private static readonly string Header = string.Join(',', ServiceRequestFields.CsvExport.Select(f => f.CsvHeader));

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TextSink _sink;
    private bool _disposed;

    /// <summary>Starts a CSV file on the stream and writes the header line.</summary>
    /// <param name="stream">Where to write; disposed with the writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="leaveOpen">Keep the stream open after disposing the writer.</param>
    public CsvExportWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _sink = new TextSink(stream);
        _sink.Write(Header);
        _sink.Write('\n');
    }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Writes one record as one CSV row (more lines when a field holds a line break).</summary>
    public void Write(SimulatedRequest record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Straight-line, in export order (a loop over slots with a switch costs a third more).
        if (record.UniqueKey != 0)
        {
            _sink.WriteNumber(record.UniqueKey);
        }

        _sink.Write(',');
        WriteTimestamp(record.TimestampOf(FieldSlots.CreatedDate));
        _sink.Write(',');
        WriteTimestamp(record.TimestampOf(FieldSlots.ClosedDate));
        for (var slot = FieldSlots.Agency; slot < FieldSlots.DueDate; slot++)
        {
            _sink.Write(',');
            WriteText(record.TextOf(slot));
        }

        _sink.Write(',');
        WriteTimestamp(record.TimestampOf(FieldSlots.DueDate));
        _sink.Write(',');
        WriteText(record.TextOf(FieldSlots.ResolutionDescription));
        _sink.Write(',');
        WriteTimestamp(record.TimestampOf(FieldSlots.ResolutionActionUpdatedDate));
        for (var slot = FieldSlots.CommunityBoard; slot < FieldSlots.Location; slot++)
        {
            _sink.Write(',');
            WriteText(record.TextOf(slot));
        }

        _sink.Write(',');
        WriteLocation(record);
        _sink.Write('\n');
        RecordsWritten++;
    }

    /// <summary>Writes every record.</summary>
    public void WriteAll(IEnumerable<SimulatedRequest> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Write(record);
        }
    }

    /// <summary>Pushes buffered text to the stream.</summary>
    public void Flush() => _sink.Flush();

    /// <summary>Flushes and releases the stream (unless it was left open).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sink.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteTimestamp((DateTime? Value, string? Text) timestamp)
    {
        if (timestamp.Value is { } value)
        {
            Timestamps.WriteCsv(value, _sink.Reserve(Timestamps.CsvLength));
            _sink.Advance(Timestamps.CsvLength);
        }
        else if (timestamp.Text is { } text)
        {
            // A corrupted value: converted when it still has the API shape, otherwise written as is.
            if (Timestamps.TryWriteCsv(text, _sink.Reserve(Timestamps.CsvLength)))
            {
                _sink.Advance(Timestamps.CsvLength);
            }
            else
            {
                WriteField(text);
            }
        }
    }

    private void WriteLocation(SimulatedRequest record)
    {
        if (record.TextOf(FieldSlots.Latitude) is not { } latitude || record.TextOf(FieldSlots.Longitude) is not { } longitude)
        {
            return;
        }

        _sink.Write("\"(");
        _sink.Write(latitude);
        _sink.Write(", ");
        _sink.Write(longitude);
        _sink.Write(")\"");
    }

    private void WriteText(string? value)
    {
        if (value is not null)
        {
            WriteField(value);
        }
    }

    private void WriteField(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            _sink.Write(value);
            return;
        }

        _sink.Write('"');
        var rest = value.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            _sink.Write(rest[..(quote + 1)]);
            _sink.Write('"');
            rest = rest[(quote + 1)..];
        }

        _sink.Write(rest);
        _sink.Write('"');
    }
}
