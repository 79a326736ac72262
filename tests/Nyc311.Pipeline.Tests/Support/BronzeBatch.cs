namespace Nyc311.Pipeline.Tests.Support;

/// <summary>The ingest metadata stamped on every row of one bronze batch.</summary>
public sealed record BronzeBatch(string BatchId, string Source, DateTimeOffset IngestedAt, string? SourceFile = null, string? Dataset = "erm2-nwe9")
{
    public static BronzeBatch Api(string batchId, DateTimeOffset ingestedAt) => new(batchId, "api", ingestedAt);
}
