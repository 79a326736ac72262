using Nyc311.Lake.Log;

namespace Nyc311.Lake.Snapshot;

/// <summary>Checks a table's protocol against what this layer implements, naming the missing feature.</summary>
internal static class ProtocolSupport
{
    public static void EnsureReadable(string table, Protocol protocol, Metadata metadata)
    {
        switch (protocol.MinReaderVersion)
        {
            case 1:
                break;
            case 2:
                EnsureNoColumnMapping(table, metadata);
                break;
            case 3:
                foreach (var feature in protocol.ReaderFeatures ?? [])
                {
                    if (feature == TableFeatures.ColumnMapping)
                    {
                        EnsureNoColumnMapping(table, metadata);
                    }
                    else if (!TableFeatures.SupportedReaderFeatures.Contains(feature))
                    {
                        throw UnsupportedFeatureException.ReaderFeature(table, feature);
                    }
                }

                break;
            default:
                throw UnsupportedFeatureException.ReaderVersion(table, protocol.MinReaderVersion);
        }
    }

    public static void EnsureWritable(string table, Protocol protocol, Metadata metadata)
    {
        EnsureReadable(table, protocol, metadata);
        switch (protocol.MinWriterVersion)
        {
            case <= 3:
                break;
            case 7:
                foreach (var feature in protocol.WriterFeatures ?? [])
                {
                    if (!TableFeatures.SupportedWriterFeatures.Contains(feature))
                    {
                        throw UnsupportedFeatureException.WriterFeature(table, feature);
                    }
                }

                break;
            default:
                // Versions 4 to 6 imply change data feed, generated columns, column mapping and identity columns.
                throw UnsupportedFeatureException.WriterVersion(table, protocol.MinWriterVersion);
        }
    }

    private static void EnsureNoColumnMapping(string table, Metadata metadata)
    {
        if (metadata.Configuration.TryGetValue(TableProperties.ColumnMappingMode, out var mode) &&
            !string.Equals(mode, "none", StringComparison.OrdinalIgnoreCase))
        {
            throw UnsupportedFeatureException.ColumnMapping(table, mode);
        }
    }
}
