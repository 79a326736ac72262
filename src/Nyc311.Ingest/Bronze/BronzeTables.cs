using Nyc311.Domain;
using Nyc311.Lake.Schema;

namespace Nyc311.Ingest.Bronze;

/// <summary>The bronze tables: records exactly as received, and the file rows that could not be read.</summary>
public static class BronzeTables
{
    /// <summary>Qualified name of the bronze table of service requests.</summary>
    public const string ServiceRequests = "bronze.service_requests";

    /// <summary>Qualified name of the table of unreadable file rows.</summary>
    public const string Quarantine = "bronze.quarantine";

    /// <summary>The partition column: the UTC date of ingestion.</summary>
    public const string IngestDate = "_ingest_date";

    /// <summary>Columns every bronze row carries besides the source's fields.</summary>
    public static IReadOnlyList<StructField> MetadataColumns { get; } =
    [
        new("_batch_id", DeltaType.String, Nullable: false),
        new("_source", DeltaType.String, Nullable: false),
        new("_dataset", DeltaType.String),
        new("_source_file", DeltaType.String),
        new("_source_line", DeltaType.Long),
        new("_record_number", DeltaType.Long, Nullable: false),
        new("_ingested_at", DeltaType.Timestamp, Nullable: false),
        new(IngestDate, DeltaType.Date, Nullable: false),
    ];

    /// <summary>
    /// The schema a new bronze table starts with: the 41 export fields and the Socrata system fields
    /// as strings, then the metadata columns. Fields first seen later are added by schema evolution.
    /// </summary>
    public static StructType ServiceRequestsSchema { get; } = new(
        ServiceRequestFields.CsvExport.Select(f => new StructField(f.ApiName, DeltaType.String))
            .Concat(BronzeFields.System.Select(name => new StructField(name, DeltaType.String)))
            .Concat(MetadataColumns));

    /// <summary>Unreadable rows of a file: where they were, why, and their raw text.</summary>
    public static StructType QuarantineSchema { get; } = new(
        new StructField("_batch_id", DeltaType.String, Nullable: false),
        new StructField("source_file", DeltaType.String),
        new StructField("line", DeltaType.Long),
        new StructField("reason", DeltaType.String, Nullable: false),
        new StructField("raw_text", DeltaType.String),
        new StructField("_ingested_at", DeltaType.Timestamp, Nullable: false),
        new StructField(IngestDate, DeltaType.Date, Nullable: false));

    /// <summary>
    /// Statistics are kept for the columns lineage and idempotency look up (every batch's files
    /// hold one <c>_batch_id</c>, so a batch is found from the log alone).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["delta.dataSkippingStatsColumns"] = "unique_key,created_date,complaint_type,borough,socrata_updated_at,_batch_id,_source,_source_file,_record_number,_ingested_at",
    };
}

/// <summary>Bronze names of the Socrata system fields (a colon is not portable in SQL identifiers).</summary>
public static class BronzeFields
{
    public const string SocrataId = "socrata_id";
    public const string SocrataCreatedAt = "socrata_created_at";
    public const string SocrataUpdatedAt = "socrata_updated_at";

    public static IReadOnlyList<string> System { get; } = [SocrataId, SocrataCreatedAt, SocrataUpdatedAt];
}
