namespace Nyc311.Ingest.Files;

/// <summary>One row of a file: a record, or a rejected row with its reason.</summary>
internal readonly record struct SourceRow(SourceRecord? Record, RejectedRow? Rejected)
{
    public static SourceRow Of(SourceRecord record) => new(record, null);

    public static SourceRow Reject(RejectedRow rejected) => new(null, rejected);
}
