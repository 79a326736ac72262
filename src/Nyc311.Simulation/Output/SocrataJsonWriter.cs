using System.Buffers;
using System.Globalization;
using System.Text;
using Nyc311.Domain;

namespace Nyc311.Simulation.Output;

/// <summary>
/// Writes records as Socrata SODA 2.x JSON: every value a JSON string (timestamps
/// <c>2026-07-27T21:03:35.000</c>), absent fields omitted, <c>location</c> as a nested object, and
/// optionally the system fields <c>:id</c>, <c>:created_at</c>, <c>:updated_at</c> first. UTF-8 without BOM.
/// </summary>
public sealed class SocrataJsonWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static readonly string[] Names = [.. ServiceRequestFields.CsvExport.Select(f => $"\"{f.ApiName}\":")];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TextSink _sink;
    private readonly SocrataJsonLayout _layout;
    private readonly bool _includeSystemFields;
    private readonly StringBuilder _escape = new();
    private bool _disposed;

    /// <param name="stream">Where to write; disposed with the writer unless <paramref name="leaveOpen"/>.</param>
    /// <param name="layout">Array or NDJSON.</param>
    /// <param name="includeSystemFields">Write <c>:id</c>, <c>:created_at</c>, <c>:updated_at</c> (a <c>$select=:*,*</c> query).</param>
    /// <param name="leaveOpen">Keep the stream open after disposing the writer.</param>
    public SocrataJsonWriter(Stream stream, SocrataJsonLayout layout, bool includeSystemFields = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _sink = new TextSink(stream);
        _layout = layout;
        _includeSystemFields = includeSystemFields;
        if (layout == SocrataJsonLayout.Array)
        {
            _sink.Write('[');
        }
    }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Writes one record as one JSON object.</summary>
    public void Write(SimulatedRequest record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_layout == SocrataJsonLayout.Array && RecordsWritten > 0)
        {
            _sink.Write("\n,");
        }

        _sink.Write('{');
        var first = true;
        if (_includeSystemFields)
        {
            foreach (var (name, value) in record.SystemFields)
            {
                Separator(ref first);
                _sink.Write('"');
                _sink.Write(name);
                _sink.Write("\":");
                WriteString(value);
            }
        }

        for (var slot = 0; slot < FieldSlots.Count; slot++)
        {
            switch (slot)
            {
                case FieldSlots.UniqueKey:
                    if (record.UniqueKey != 0)
                    {
                        Name(slot, ref first);
                        _sink.Write('"');
                        _sink.WriteNumber(record.UniqueKey);
                        _sink.Write('"');
                    }

                    break;
                case FieldSlots.CreatedDate or FieldSlots.ClosedDate or FieldSlots.DueDate or FieldSlots.ResolutionActionUpdatedDate:
                    var (value, text) = record.TimestampOf(slot);
                    if (value is { } timestamp)
                    {
                        Name(slot, ref first);
                        _sink.Write('"');
                        Timestamps.WriteApi(timestamp, _sink.Reserve(Timestamps.ApiLength));
                        _sink.Advance(Timestamps.ApiLength);
                        _sink.Write('"');
                    }
                    else if (text is not null)
                    {
                        Name(slot, ref first);
                        WriteString(text);
                    }

                    break;
                case FieldSlots.Location:
                    if (record.HasCoordinates)
                    {
                        Name(slot, ref first);
                        WriteLocation(record);
                    }

                    break;
                default:
                    if (record.TextOf(slot) is { } field)
                    {
                        Name(slot, ref first);
                        WriteString(field);
                    }

                    break;
            }
        }

        _sink.Write('}');
        if (_layout == SocrataJsonLayout.Ndjson)
        {
            _sink.Write('\n');
        }

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

    /// <summary>Closes the array (for <see cref="SocrataJsonLayout.Array"/>), flushes and releases the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_layout == SocrataJsonLayout.Array)
        {
            _sink.Write("]\n");
        }

        _sink.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Separator(ref bool first)
    {
        if (!first)
        {
            _sink.Write(',');
        }

        first = false;
    }

    private void Name(int slot, ref bool first)
    {
        Separator(ref first);
        _sink.Write(Names[slot]);
    }

    private void WriteLocation(SimulatedRequest record)
    {
        if (!record.GeoJsonLocation)
        {
            _sink.Write(record.LocationJson());
            return;
        }

        _sink.Write("{\"type\":\"Point\",\"coordinates\":[");
        WriteCoordinate(record.Point.Longitude);
        _sink.Write(',');
        WriteCoordinate(record.Point.Latitude);
        _sink.Write("]}");
    }

    private void WriteCoordinate(double value)
    {
        var span = _sink.Reserve(32);
        value.TryFormat(span, out var written, "G14", CultureInfo.InvariantCulture);
        _sink.Advance(written);
    }

    private void WriteString(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsEscaping) < 0)
        {
            _sink.Write('"');
            _sink.Write(value);
            _sink.Write('"');
            return;
        }

        _escape.Clear();
        JsonText.AppendQuoted(_escape, value);
        foreach (var chunk in _escape.GetChunks())
        {
            _sink.Write(chunk.Span);
        }
    }
}
