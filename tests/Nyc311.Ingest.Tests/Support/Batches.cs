namespace Nyc311.Ingest.Tests.Support;

internal static class Batches
{
    /// <summary>Every batch of a run.</summary>
    public static async Task<List<RecordBatch>> ToListAsync(this IAsyncEnumerable<RecordBatch> batches)
    {
        var list = new List<RecordBatch>();
        await foreach (var batch in batches)
        {
            list.Add(batch);
        }

        return list;
    }

    /// <summary>The batches a run yielded before it failed, and the failure.</summary>
    public static async Task<(List<RecordBatch> Batches, Exception Error)> UntilFailureAsync(this IAsyncEnumerable<RecordBatch> batches)
    {
        var list = new List<RecordBatch>();
        try
        {
            await foreach (var batch in batches)
            {
                list.Add(batch);
            }
        }
        catch (Exception e)
        {
            return (list, e);
        }

        throw new ShouldAssertException("the run was expected to fail but completed");
    }

    public static IEnumerable<SourceRecord> Records(this IEnumerable<RecordBatch> batches) => batches.SelectMany(b => b.Records);

    public static List<string?> UniqueKeys(this IEnumerable<RecordBatch> batches) =>
        [.. batches.Records().Select(r => r.GetValueOrDefault("unique_key"))];
}
