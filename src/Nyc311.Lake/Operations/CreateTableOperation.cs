using System.Text.Json;
using System.Text.Json.Nodes;
using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Transaction;

namespace Nyc311.Lake.Operations;

/// <summary>Creates a table: version 0 holds the protocol, the metadata and a CREATE TABLE commitInfo.</summary>
internal static class CreateTableOperation
{
    private static readonly System.Buffers.SearchValues<char> InvalidNameCharacters = System.Buffers.SearchValues.Create(" ,;{}()\n\t=");

    public static CommitResult Run(DeltaTableCore core, StructType schema, CreateTableOptions options)
    {
        var root = core.Storage.Root;
        if (LogListing.Read(core.Storage).LatestVersion >= 0)
        {
            throw TableAlreadyExistsException.At(root);
        }

        Validate(root, schema, options.PartitionColumns);
        var configuration = new Dictionary<string, string>(options.Properties, StringComparer.Ordinal);
        if (core.Options.EnableInCommitTimestamps)
        {
            configuration.TryAdd(TableProperties.EnableInCommitTimestamps, "true");
        }

        var partitionColumns = options.PartitionColumns.Select(c => schema.Get(c).Name).ToList();
        var now = core.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var metadata = new Metadata(Guid.NewGuid().ToString(), SchemaJson.Serialize(schema), partitionColumns, configuration, now)
        {
            Name = options.Name,
            Description = options.Description,
        };
        var protocol = Protocols.Required(schema, configuration, existing: null);
        var info = new JsonObject
        {
            ["timestamp"] = now,
        };
        if (Protocols.UsesInCommitTimestamps(protocol, configuration))
        {
            info["inCommitTimestamp"] = now;
        }

        info["operation"] = "CREATE TABLE";
        info["operationParameters"] = new JsonObject
        {
            ["isManaged"] = "false",
            ["description"] = options.Description,
            ["partitionBy"] = JsonSerializer.Serialize(partitionColumns),
            ["properties"] = JsonSerializer.Serialize(configuration),
        };
        info["isolationLevel"] = "Serializable";
        info["isBlindAppend"] = true;
        info["operationMetrics"] = new JsonObject();
        info["engineInfo"] = DeltaTableCore.EngineInfo;
        info["txnId"] = Guid.NewGuid().ToString();

        var bytes = ActionJson.Serialize([new CommitInfo(info), protocol, metadata]);
        if (!core.Storage.TryCreate(LogPaths.Commit(0), bytes))
        {
            throw TableAlreadyExistsException.At(root);
        }

        return new CommitResult(0, DateTimeOffset.FromUnixTimeMilliseconds(now));
    }

    /// <summary>Column names and partition columns a table without column mapping can have.</summary>
    public static void Validate(string table, StructType schema, IReadOnlyList<string> partitionColumns)
    {
        foreach (var field in schema.Fields)
        {
            if (field.Name.Length == 0 || field.Name.AsSpan().IndexOfAny(InvalidNameCharacters) >= 0)
            {
                throw SchemaMismatchException.Create(table, $"column name '{field.Name}' contains a character Delta does not allow without column mapping (space , ; {{ }} ( ) newline tab =)");
            }
        }

        foreach (var column in partitionColumns)
        {
            var field = schema.Find(column) ?? throw SchemaMismatchException.Create(table, $"partition column '{column}' is not in the schema");
            if (field.Type is StructType or ArrayType or MapType)
            {
                throw SchemaMismatchException.Create(table, $"partition column '{column}' has nested type {field.Type.SimpleString}");
            }
        }

        if (partitionColumns.Count > 0 && partitionColumns.Count == schema.Fields.Count)
        {
            throw SchemaMismatchException.Create(table, "every column is a partition column; at least one must hold data");
        }
    }
}

/// <summary>Which protocol a table needs for its schema and properties.</summary>
internal static class Protocols
{
    public static Protocol Required(StructType schema, IReadOnlyDictionary<string, string> configuration, Protocol? existing)
    {
        var readerFeatures = new SortedSet<string>(existing?.ReaderFeatures ?? [], StringComparer.Ordinal);
        var writerFeatures = new SortedSet<string>(existing?.WriterFeatures ?? [], StringComparer.Ordinal);
        if (schema.ContainsTimestampNtz())
        {
            readerFeatures.Add(TableFeatures.TimestampNtz);
            writerFeatures.Add(TableFeatures.TimestampNtz);
        }

        if (configuration.TryGetValue(TableProperties.EnableInCommitTimestamps, out var ict) && string.Equals(ict, "true", StringComparison.OrdinalIgnoreCase))
        {
            writerFeatures.Add(TableFeatures.InCommitTimestamp);
        }

        if (configuration.TryGetValue(TableProperties.AppendOnly, out var appendOnly) && string.Equals(appendOnly, "true", StringComparison.OrdinalIgnoreCase) && writerFeatures.Count > 0)
        {
            writerFeatures.Add(TableFeatures.AppendOnly);
        }

        if (configuration.Keys.Any(k => k.StartsWith(TableProperties.ConstraintPrefix, StringComparison.Ordinal)) && writerFeatures.Count > 0)
        {
            writerFeatures.Add(TableFeatures.CheckConstraints);
        }

        var reader = Math.Max(existing?.MinReaderVersion ?? 1, readerFeatures.Count > 0 ? 3 : 1);
        var writer = Math.Max(existing?.MinWriterVersion ?? 2, writerFeatures.Count > 0 ? 7 : 2);
        if (existing is { MinWriterVersion: >= 2 and < 7 } && writer == 7)
        {
            // Upgrading to table features: the features the old writer version implied must be listed.
            writerFeatures.Add(TableFeatures.AppendOnly);
            writerFeatures.Add(TableFeatures.Invariants);
            if (existing.MinWriterVersion >= 3)
            {
                writerFeatures.Add(TableFeatures.CheckConstraints);
            }
        }
        if (existing is not null && existing.MinReaderVersion == reader && existing.MinWriterVersion == writer &&
            readerFeatures.SetEquals(existing.ReaderFeatures ?? []) && writerFeatures.SetEquals(existing.WriterFeatures ?? []))
        {
            return existing;
        }

        return new Protocol(reader, writer, reader == 3 ? [.. readerFeatures] : null, writer == 7 ? [.. writerFeatures] : null);
    }

    public static bool UsesInCommitTimestamps(Protocol protocol, IReadOnlyDictionary<string, string> configuration) =>
        (protocol.WriterFeatures?.Contains(TableFeatures.InCommitTimestamp) ?? false) &&
        configuration.TryGetValue(TableProperties.EnableInCommitTimestamps, out var v) &&
        string.Equals(v, "true", StringComparison.OrdinalIgnoreCase);
}
