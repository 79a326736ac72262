using CsCheck;
using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

public sealed class DailyCountsIncrementalTests : IDisposable
{
    private static readonly ISqlDialect D = SqlDialects.DuckDb;
    private static readonly DateTime Start = new(2024, 1, 1);

    private static readonly Gen<(int Day, int Hour, string Type, string Borough)> GenChange =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 23], Gen.OneOf("A", "B", "C"), Gen.OneOf("X", "Y"), (day, hour, type, borough) => (day, hour, type, borough));

    private readonly TestDuckDb db = new(withReferenceTables: false);

    [Fact]
    public void Rewriting_the_days_a_merge_changes_leaves_the_same_table_as_a_full_recompute()
    {
        // Existing silver, then a batch that adds requests and moves some existing ones (a newer version with
        // another day, type or borough): both the new and the old day of a moved request are touched.
        var gen = Gen.Select(GenChange.List[0, 25], GenChange.List[1, 8], Gen.Int[0, 4], (existing, batch, moves) => (existing, batch, moves));
        gen.Sample(
            sample =>
            {
                var before = sample.existing.Select((c, i) => ToRequest(i + 1, c)).ToList();
                var movedKeys = before.Take(Math.Min(sample.moves, before.Count)).Select(r => r.Key).ToHashSet();
                var batch = sample.batch.Select((c, i) => ToRequest(i < movedKeys.Count ? movedKeys.ElementAt(i) : 1000 + i, c)).ToList();
                var batchKeys = batch.Select(r => r.Key).ToHashSet();
                var after = before.Where(r => !batchKeys.Contains(r.Key)).Concat(batch).ToList();
                var touched = batch.Select(r => r.Day).Concat(before.Where(r => batchKeys.Contains(r.Key)).Select(r => r.Day));

                GoldData.CreateSilver(db, "staging.silver_before", before);
                GoldData.CreateSilver(db, "silver.service_requests", after);
                db.Create("staging.daily_series_before", GoldSql.DailySeries(D, "staging.silver_before"));
                db.Create("gold.daily_series", GoldSql.DailySeries(D, "silver.service_requests"));
                GoldData.CreateDates(db, "staging.touched_dates", touched);
                db.Create("staging.daily_counts_dates", GoldSql.DailyCountsDates(D, "staging.touched_dates", "staging.daily_series_before", "gold.daily_series"));
                var rewritten = GoldData.DailyCounts(db, GoldSql.DailyCounts(D, "silver.service_requests", "staging.daily_counts_dates", "gold.daily_series"));
                var rewrittenDays = db.Query("SELECT \"date\" FROM staging.daily_counts_dates")
                    .Select(r => r.Get<DateOnly>("date").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

                var incremental = GoldData.FullDailyCounts(db, "staging.silver_before")
                    .Where(line => !rewrittenDays.Contains(line[..10]))
                    .Concat(rewritten)
                    .Order(StringComparer.Ordinal);

                incremental.ShouldBe(GoldData.ExpectedDailyCounts(after));
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public void A_full_recompute_matches_the_definition_of_daily_counts()
    {
        GenChange.List[1, 40].Sample(
            changes =>
            {
                var requests = changes.Select((c, i) => ToRequest(i + 1, c)).ToList();
                GoldData.CreateSilver(db, "silver.service_requests", requests);

                GoldData.FullDailyCounts(db, "silver.service_requests").ShouldBe(GoldData.ExpectedDailyCounts(requests));
            },
            iter: 10,
            threads: 1);
    }

    public void Dispose() => db.Dispose();

    private static Request ToRequest(long key, (int Day, int Hour, string Type, string Borough) change) =>
        new(key, Start.AddDays(change.Day).AddHours(change.Hour), change.Type, change.Borough);
}
