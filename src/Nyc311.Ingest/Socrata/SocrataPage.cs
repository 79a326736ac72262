namespace Nyc311.Ingest.Socrata;

/// <summary>The records of one page and the newest <c>:updated_at</c> among them.</summary>
internal sealed record SocrataPage(IReadOnlyList<SourceRecord> Records, DateTimeOffset? NewestUpdatedAt);
