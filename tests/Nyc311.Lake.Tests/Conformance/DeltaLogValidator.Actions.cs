using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Tests.Conformance;

internal sealed partial class DeltaLogValidator
{
    /// <summary>minReaderVersion/minWriterVersion; reader 3 needs writer 7 and readerFeatures; writer 7 needs writerFeatures; every reader feature is also a writer feature.</summary>
    private void ValidateProtocolAction(string where, JsonObject protocol, JsonObject? previous)
    {
        if (JsonFacts.Long(protocol["minReaderVersion"]) is not { } reader || JsonFacts.Long(protocol["minWriterVersion"]) is not { } writer)
        {
            Fail(where, "protocol.versions", "protocol needs integer minReaderVersion and minWriterVersion");
            return;
        }

        if (reader is < 1 or > 3 || writer is < 1 or > 7)
        {
            Fail(where, "protocol.versions", $"versions {reader}/{writer} are outside reader 1..3 and writer 1..7");
        }

        var readerFeatures = protocol["readerFeatures"];
        var writerFeatures = protocol["writerFeatures"];
        if (reader == 3 && readerFeatures is not JsonArray)
        {
            Fail(where, "protocol.reader-features-listed", "reader version 3 needs a readerFeatures array");
        }

        if (reader == 3 && writer != 7)
        {
            Fail(where, "protocol.reader-3-needs-writer-7", $"reader version 3 needs writer version 7, not {writer}");
        }

        if (writer == 7 && writerFeatures is not JsonArray)
        {
            Fail(where, "protocol.writer-features-listed", "writer version 7 needs a writerFeatures array");
        }

        if (reader < 3 && readerFeatures is not null)
        {
            Fail(where, "protocol.reader-features-only-at-3", $"readerFeatures exist only with reader version 3, not {reader}");
        }

        if (writer < 7 && writerFeatures is not null)
        {
            Fail(where, "protocol.writer-features-only-at-7", $"writerFeatures exist only with writer version 7, not {writer}");
        }

        foreach (var list in new[] { readerFeatures, writerFeatures }.OfType<JsonArray>())
        {
            if (list.Any(f => !JsonFacts.IsString(f)))
            {
                Fail(where, "protocol.feature-names", "feature lists hold strings only");
            }
        }

        var writers = JsonFacts.Strings(writerFeatures).ToHashSet(StringComparer.Ordinal);
        foreach (var feature in JsonFacts.Strings(readerFeatures).Where(f => !writers.Contains(f)))
        {
            Fail(where, "protocol.reader-feature-is-writer-feature", $"reader feature '{feature}' is not listed in writerFeatures");
        }

        if (Strict && previous is not null)
        {
            var before = new TableState { Protocol = previous };
            var after = new TableState { Protocol = protocol };
            if (after.ReaderVersion < before.ReaderVersion || after.WriterVersion < before.WriterVersion ||
                !before.ReaderFeatures.IsSubsetOf(after.ReaderFeatures) || !before.WriterFeatures.IsSubsetOf(after.WriterFeatures))
            {
                Fail(where, "own.protocol-never-downgrades", "a protocol action dropped a version or a feature the table had");
            }
        }
    }

    /// <summary>id, format.provider, a struct schemaString, partitionColumns naming top-level columns, string configuration.</summary>
    private void ValidateMetadataAction(string where, JsonObject metadata, TableState? state)
    {
        if (JsonFacts.Text(metadata["id"]) is not { Length: > 0 } id)
        {
            Fail(where, "metaData.id", "metaData needs a non-empty string id");
            id = "";
        }

        if (metadata["format"] is not JsonObject format || !JsonFacts.IsString(format["provider"]))
        {
            Fail(where, "metaData.format", "metaData needs format.provider");
        }
        else if (format["options"] is { } options && !JsonFacts.IsStringMap(options, allowNull: false))
        {
            Fail(where, "metaData.format", "format.options is not a map of strings");
        }
        else if (Strict && format["options"] is null)
        {
            Fail(where, "own.metadata-format-options", "format.options is written as {} by this layer");
        }

        if (!JsonFacts.IsStringMap(metadata["configuration"], allowNull: false))
        {
            Fail(where, "metaData.configuration", "metaData needs configuration, a map of strings");
        }

        if (metadata["createdTime"] is { } created && !JsonFacts.IsInteger(created))
        {
            Fail(where, "metaData.createdTime", "createdTime is not an integer");
        }

        StructType? schema = null;
        if (JsonFacts.Text(metadata["schemaString"]) is not { } schemaString)
        {
            Fail(where, "metaData.schemaString", "metaData needs a schemaString");
        }
        else
        {
            var problems = new List<string>();
            schema = SchemaShape.Parse(schemaString, problems);
            foreach (var problem in problems)
            {
                Fail(where, "metaData.schemaString", problem);
            }
        }

        if (metadata["partitionColumns"] is not JsonArray partitionArray || partitionArray.Any(c => !JsonFacts.IsString(c)))
        {
            Fail(where, "metaData.partitionColumns", "metaData needs partitionColumns, an array of strings");
            return;
        }

        var partitionColumns = JsonFacts.Strings(partitionArray).ToList();
        if (partitionColumns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != partitionColumns.Count)
        {
            Fail(where, "metaData.partitionColumns", "a partition column is listed twice");
        }

        foreach (var column in partitionColumns)
        {
            if (schema?.Find(column) is not { } field)
            {
                Fail(where, "metaData.partitionColumns", $"partition column '{column}' is not a top-level column of the schema");
            }
            else if (field.Type is StructType or ArrayType or MapType)
            {
                Fail(where, "metaData.partitionColumns", $"partition column '{column}' has nested type {field.Type.SimpleString}");
            }
        }

        if (state is null)
        {
            return;
        }

        if (Strict && state.Metadata is not null && JsonFacts.Text(state.Metadata["id"]) != id)
        {
            Fail(where, "own.table-id-stable", "a metaData action changed the table id");
        }

        state.Metadata = metadata;
        state.Schema = schema;
        state.PartitionColumns = partitionColumns;
        state.Configuration = metadata["configuration"] is JsonObject configuration
            ? configuration.Where(kv => JsonFacts.IsString(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Rules tying the protocol to the schema and properties: timestamp_ntz, column mapping, CHECK constraints.</summary>
    private void ValidateProtocolFitsTable(string where, TableState state)
    {
        if (state.Protocol is null || state.Schema is null)
        {
            return;
        }

        if (state.Schema.ContainsTimestampNtz() &&
            (state.ReaderVersion != 3 || state.WriterVersion != 7 || !state.ReaderFeatures.Contains("timestampNtz") || !state.WriterFeatures.Contains("timestampNtz")))
        {
            Fail(where, "protocol.timestamp-ntz-feature", "a timestamp_ntz column needs reader 3 / writer 7 with 'timestampNtz' in readerFeatures and writerFeatures");
        }

        if (state.ColumnMappingMode != "none" && !(state.ReaderVersion == 2 && state.WriterVersion >= 5) &&
            !(state.ReaderFeatures.Contains("columnMapping") && state.WriterFeatures.Contains("columnMapping")))
        {
            Fail(where, "protocol.column-mapping-feature", "column mapping needs reader 2 / writer 5+, or the columnMapping feature");
        }

        if (state.Configuration.Keys.Any(k => k.StartsWith("delta.constraints.", StringComparison.Ordinal)) &&
            (state.WriterVersion < 3 || (state.WriterVersion == 7 && !state.WriterFeatures.Contains("checkConstraints"))))
        {
            Fail(where, "protocol.check-constraints-feature", "CHECK constraints need writer 3+, or the checkConstraints feature at writer 7");
        }

        if (Strict && state.Property("delta.enableInCommitTimestamps") == "true" &&
            !state.WriterFeatures.Contains("inCommitTimestamp"))
        {
            Fail(where, "own.ict-feature-listed", "delta.enableInCommitTimestamps is true but the inCommitTimestamp feature is not listed");
        }
    }

    /// <summary>A log path is a URI reference (RFC 2396): no raw spaces, '%' only as an escape.</summary>
    private void ValidatePath(string where, string kind, JsonObject action)
    {
        if (JsonFacts.Text(action["path"]) is not { Length: > 0 } path)
        {
            Fail(where, $"{kind}.path", $"{kind} needs a non-empty string path");
            return;
        }

        if (!UriReference().IsMatch(path))
        {
            Fail(where, $"{kind}.path-is-uri", $"path '{path}' is not a URI reference (characters must be %-escaped)");
        }

        if (Strict && (path.Contains("://", StringComparison.Ordinal) || path.StartsWith('/') || path.Split('/').Contains("..")))
        {
            Fail(where, "own.relative-paths", $"path '{path}' is not relative to the table root");
        }
    }

    [GeneratedRegex(@"^([A-Za-z0-9\-_.!~*'();/?:@&=+$,]|%[0-9A-Fa-f]{2})+$")]
    private static partial Regex UriReference();
}
