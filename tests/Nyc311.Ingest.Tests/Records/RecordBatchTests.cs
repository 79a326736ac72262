namespace Nyc311.Ingest.Tests.Records;

public sealed class RecordBatchTests
{
    [Fact]
    public void Fingerprint_is_the_same_for_the_same_content_and_differs_for_other_content()
    {
        var batch = Batch(("unique_key", "1"), ("location", null));

        batch.Fingerprint().ShouldBe(Batch(("unique_key", "1"), ("location", null)).Fingerprint());
        batch.Fingerprint().ShouldBe((batch with { Sequence = 7, Offset = 100, Retries = 3 }).Fingerprint());
        batch.Fingerprint().ShouldNotBe(Batch(("unique_key", "1"), ("location", "")).Fingerprint());
        batch.Fingerprint().ShouldNotBe(Batch(("unique_key", "1"), ("locatio", "n")).Fingerprint());
        batch.Fingerprint().ShouldNotBe((batch with { Dataset = "76ig-c548" }).Fingerprint());
        batch.Fingerprint().ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Summary_adds_up_batches()
    {
        var first = Batch(("unique_key", "1")) with { Retries = 2, NewestUpdatedAt = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero) };
        var second = Batch(("unique_key", "2"), ("agency", "NYPD")) with
        {
            Rejected = [new RejectedRow("f.csv", 3, "bad", "x")],
            NewestUpdatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var summary = IngestSummary.Empty.Add(first).Add(second);

        summary.ShouldBe(new IngestSummary(2, 2, 2, 1, new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    private static RecordBatch Batch(params (string Name, string? Value)[] fields) => new()
    {
        Source = SourceKind.Api,
        Dataset = "erm2-nwe9",
        Sequence = 0,
        Offset = 0,
        Records = [new SourceRecord([.. fields.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value))])],
    };
}
