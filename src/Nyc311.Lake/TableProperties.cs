namespace Nyc311.Lake;

/// <summary>Table properties (metaData.configuration keys) this layer reads or writes.</summary>
public static class TableProperties
{
    public const string AppendOnly = "delta.appendOnly";
    public const string CheckpointInterval = "delta.checkpointInterval";
    public const string DeletedFileRetentionDuration = "delta.deletedFileRetentionDuration";
    public const string LogRetentionDuration = "delta.logRetentionDuration";
    public const string EnableInCommitTimestamps = "delta.enableInCommitTimestamps";
    public const string DataSkippingNumIndexedCols = "delta.dataSkippingNumIndexedCols";
    public const string DataSkippingStatsColumns = "delta.dataSkippingStatsColumns";
    public const string ColumnMappingMode = "delta.columnMapping.mode";
    public const string ConstraintPrefix = "delta.constraints.";
    public const string CompressionCodec = "delta.parquet.compression.codec";
}

/// <summary>Table feature names of the protocol, and which of them this layer implements.</summary>
public static class TableFeatures
{
    public const string AppendOnly = "appendOnly";
    public const string Invariants = "invariants";
    public const string CheckConstraints = "checkConstraints";
    public const string TimestampNtz = "timestampNtz";
    public const string InCommitTimestamp = "inCommitTimestamp";
    public const string DomainMetadata = "domainMetadata";
    public const string VacuumProtocolCheck = "vacuumProtocolCheck";
    public const string ColumnMapping = "columnMapping";
    public const string DeletionVectors = "deletionVectors";

    /// <summary>Reader features this layer reads correctly.</summary>
    public static IReadOnlySet<string> SupportedReaderFeatures { get; } =
        new HashSet<string>(StringComparer.Ordinal) { TimestampNtz, VacuumProtocolCheck };

    /// <summary>Writer features this layer respects when writing.</summary>
    public static IReadOnlySet<string> SupportedWriterFeatures { get; } =
        new HashSet<string>(StringComparer.Ordinal) { AppendOnly, Invariants, CheckConstraints, TimestampNtz, InCommitTimestamp, DomainMetadata, VacuumProtocolCheck };
}
