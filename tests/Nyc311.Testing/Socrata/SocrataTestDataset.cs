using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nyc311.Testing.Socrata.Soql;

namespace Nyc311.Testing.Socrata;

/// <summary>
/// The rows of one dataset on the loopback server. Writes replace an immutable snapshot, so a
/// request always pages through one consistent version; change rows between two runs with
/// <see cref="Update"/>.
/// </summary>
public sealed class SocrataTestDataset
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TimeProvider clock;
    private readonly Lock writeGate = new();
    private Snapshot current = new([]);

    internal SocrataTestDataset(string id, TimeProvider clock)
    {
        Id = id;
        this.clock = clock;
    }

    /// <summary>The dataset id (<c>erm2-nwe9</c>, ...).</summary>
    public string Id { get; }

    /// <summary>Rows held.</summary>
    public int Count => current.Records.Length;

    /// <summary>The <c>unique_key</c> of every row, in insertion order.</summary>
    public IReadOnlyList<string?> UniqueKeys => [.. current.Records.Select(r => r.UniqueKey)];

    internal Snapshot Current => current;

    /// <summary>
    /// Adds records given as JSON objects in the API's format. System fields in them are kept;
    /// otherwise <c>:id</c> is derived from the dataset and <c>unique_key</c>, and
    /// <c>:created_at</c>/<c>:updated_at</c> are <paramref name="updatedAt"/> (default: the server clock's now).
    /// </summary>
    /// <returns>Rows added.</returns>
    public int Add(IEnumerable<JsonObject> records, DateTimeOffset? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var stamp = updatedAt ?? clock.GetUtcNow();
        var rows = new List<SocrataTestRecord>();
        foreach (var record in records)
        {
            rows.Add(Row(JsonSerializer.SerializeToUtf8Bytes(record, Relaxed), stamp, rows.Count));
        }

        return Append(rows);
    }

    /// <summary>Adds generated records (see <see cref="SocrataSampleData.Generate"/>), written straight to bytes for speed.</summary>
    /// <returns>Rows added.</returns>
    public int Add(SocrataGeneratedRecords generated, DateTimeOffset? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var stamp = updatedAt ?? clock.GetUtcNow();
        var rows = new List<SocrataTestRecord>(generated.Count);
        var buffer = new ArrayBufferWriter<byte>(1024);
        foreach (var _ in SocrataSampleData.WriteGenerated(generated, buffer))
        {
            rows.Add(Row(buffer.WrittenSpan, stamp, rows.Count));
        }

        return Append(rows);
    }

    /// <summary>
    /// Adds the records of a UTF-8 JSON text, one object or an array of objects, keeping every
    /// value's text byte for byte (a pretty-printed <c>location</c> comes back exactly so).
    /// </summary>
    /// <returns>Rows added.</returns>
    public int AddJson(ReadOnlySpan<byte> json, DateTimeOffset? updatedAt = null)
    {
        var stamp = updatedAt ?? clock.GetUtcNow();
        var rows = new List<SocrataTestRecord>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            rows.Add(Row(json, stamp, 0));
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                rows.Add(Row(json[start..(int)reader.BytesConsumed], stamp, rows.Count));
            }
        }

        return Append(rows);
    }

    /// <summary>Adds the records of a JSON file (one object or an array of objects); see <see cref="AddJson"/>.</summary>
    public int AddJsonFile(string path, DateTimeOffset? updatedAt = null) => AddJson(File.ReadAllBytes(path), updatedAt);

    /// <summary>
    /// Marks rows as changed: sets their <c>:updated_at</c> to <paramref name="updatedAt"/> and
    /// applies <paramref name="changes"/> (field to new string value; null removes the field).
    /// </summary>
    /// <returns>Rows updated (unknown keys are ignored).</returns>
    public int Update(IEnumerable<string> uniqueKeys, DateTimeOffset updatedAt, IReadOnlyDictionary<string, string?>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(uniqueKeys);
        var keys = uniqueKeys.ToHashSet(StringComparer.Ordinal);
        lock (writeGate)
        {
            var records = (SocrataTestRecord[])current.Records.Clone();
            var updated = 0;
            for (var i = 0; i < records.Length; i++)
            {
                if (records[i].UniqueKey is { } key && keys.Contains(key))
                {
                    records[i] = records[i].With(updatedAt, changes);
                    updated++;
                }
            }

            current = new Snapshot(records);
            return updated;
        }
    }

    private SocrataTestRecord Row(ReadOnlySpan<byte> json, DateTimeOffset stamp, int index) =>
        SocrataTestRecord.FromJson(json, $"{Id}/{Count + index}", stamp);

    private int Append(List<SocrataTestRecord> rows)
    {
        lock (writeGate)
        {
            current = new Snapshot([.. current.Records, .. rows]);
        }

        return rows.Count;
    }

    /// <summary>One version of the rows, with the results of the queries run on it.</summary>
    internal sealed class Snapshot(SocrataTestRecord[] records)
    {
        private readonly ConcurrentDictionary<(string Where, string Order), SocrataTestRecord[]> results = new();

        public SocrataTestRecord[] Records { get; } = records;

        /// <summary>The rows matching <paramref name="where"/> in <paramref name="order"/> (insertion order without one); computed once per query.</summary>
        /// <exception cref="SoqlException">The query is outside the supported subset.</exception>
        public SocrataTestRecord[] Query(string? where, string? order) =>
            results.GetOrAdd((where ?? "", order ?? ""), static (key, rows) =>
            {
                var predicate = SoqlWhere.Compile(key.Where);
                var comparison = SoqlOrder.Compile(key.Order);
                var matching = rows.Where(predicate);
                return comparison is null
                    ? [.. matching]
                    : [.. matching.Order(Comparer<SocrataTestRecord>.Create(comparison))];
            }, Records);
    }
}
