using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Support;

/// <summary>Runs the silver statements over bronze.service_requests into staging.checked, silver and quarantine tables.</summary>
public static class SilverRun
{
    /// <summary>The as-of instant of every test run: 2026-08-11 00:00 UTC (2026-08-10 20:00 in New York), after every fixture.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 8, 11, 0, 0, 0, TimeSpan.Zero);

    public static SilverOptions Options { get; } = new() { AsOf = AsOf };

    public static void Run(TestDuckDb db, SilverOptions? options = null)
    {
        var d = SqlDialects.DuckDb;
        db.Create(PipelineRelations.Checked, SilverSql.Checked(d, Bronze.Table, options ?? Options));
        db.Create(PipelineRelations.Silver, SilverSql.Accepted(d, PipelineRelations.Checked));
        db.Create(PipelineRelations.Quarantine, QuarantineSql.Rejected(d, PipelineRelations.Checked));
    }

    public static Row SilverRow(TestDuckDb db, long uniqueKey) =>
        db.Query($"SELECT * FROM {PipelineRelations.Silver} WHERE unique_key = {uniqueKey}").Single();

    public static IReadOnlyList<Row> Quarantined(TestDuckDb db) =>
        db.Query($"SELECT * FROM {PipelineRelations.Quarantine} ORDER BY _batch_id, _record_number");
}
