using Nyc311.Ingest.Text;

namespace Nyc311.Ingest.Json;

/// <summary>
/// Turns JSON property names into bronze field names, handing out one shared string per name so
/// a million records do not carry a million copies of <c>complaint_type</c>. Not thread-safe:
/// one table per reader.
/// </summary>
internal sealed class FieldNameTable
{
    // A source that invents names without end should not grow the table without end.
    private const int MaxEntries = 4096;

    private readonly Dictionary<string, FieldName> byRawName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldName>.AlternateLookup<ReadOnlySpan<char>> byRawSpan;

    public FieldNameTable() => byRawSpan = byRawName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The entry for a raw JSON property name.</summary>
    public FieldName Get(ReadOnlySpan<char> rawName)
    {
        if (byRawSpan.TryGetValue(rawName, out var known))
        {
            return known;
        }

        var raw = rawName.ToString();
        var entry = new FieldName(BronzeFieldNames.ForApiField(raw));
        if (byRawName.Count < MaxEntries)
        {
            byRawName.Add(raw, entry);
        }

        return entry;
    }
}

/// <summary>One interned field name, with the number of the last record that used it (to catch duplicates) and its value pool.</summary>
internal sealed class FieldName(string name)
{
    public string Name { get; } = name;

    public ValuePool Values { get; } = new();

    public long LastRecord { get; set; } = -1;
}
