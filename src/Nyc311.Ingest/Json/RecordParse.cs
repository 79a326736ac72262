namespace Nyc311.Ingest.Json;

/// <summary>The outcome of reading one record: the record, or the reason it could not be read.</summary>
internal readonly record struct RecordParse(SourceRecord? Record, string? Problem)
{
    public static RecordParse Success(SourceRecord record) => new(record, null);

    public static RecordParse Failure(string problem) => new(null, problem);
}
