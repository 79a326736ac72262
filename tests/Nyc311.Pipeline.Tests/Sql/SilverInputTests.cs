using Nyc311.Pipeline.Sql;
using Nyc311.Pipeline.Tests.Support;

namespace Nyc311.Pipeline.Tests.Sql;

public sealed class SilverInputTests : IDisposable
{
    private static readonly ISqlDialect D = SqlDialects.DuckDb;
    private readonly TestDuckDb db = new();

    [Fact]
    public void A_batch_without_some_columns_is_projected_to_the_full_bronze_schema()
    {
        db.Execute("CREATE TABLE staging.narrow AS SELECT '42' AS unique_key, '2022-05-01T10:00:00.000' AS created_date, 'Rodent' AS complaint_type, 'QUEENS' AS borough, 'b1' AS _batch_id");

        var projection = SilverSql.ProjectBronze(D, "staging.narrow", ["unique_key", "created_date", "complaint_type", "borough", "_batch_id"]);
        db.Create(Bronze.Table, projection);
        SilverRun.Run(db);

        db.Describe(projection).Select(c => c.Name).ShouldBe(SilverSql.BronzeColumns.Select(c => c.Name));
        var row = SilverRun.SilverRow(db, 42);
        row.Get<string>("complaint_type").ShouldBe("Rodent");
        row.Get<string>("borough").ShouldBe("QUEENS");
        row["latitude"].ShouldBeNull();
        row["_ingested_at"].ShouldBeNull();
        row.Get<string>("_batch_id").ShouldBe("b1");
    }

    [Theory]
    [InlineData("2026-01-15T00:30:00.000", true)]
    [InlineData("2026-01-15T00:30:01.000", false)]
    public void Future_dates_are_judged_in_New_York_time_with_the_tolerance(string created, bool accepted)
    {
        // 05:00 UTC on 15 January is midnight in New York (EST, UTC-5); the tolerance is 30 minutes.
        var options = new SilverOptions { AsOf = new DateTimeOffset(2026, 1, 15, 5, 0, 0, TimeSpan.Zero), FutureTolerance = TimeSpan.FromMinutes(30) };
        Bronze.CreateTable(db);
        Bronze.Insert(db, BronzeBatch.Api("b", new DateTimeOffset(2026, 1, 15, 5, 0, 0, TimeSpan.Zero)), [Records.Valid("7").With("created_date", created).With("closed_date", null)]);

        SilverRun.Run(db, options);

        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Silver}").ShouldBe(accepted ? 1 : 0);
        db.Scalar<long>($"SELECT COUNT(*) FROM {PipelineRelations.Quarantine} WHERE rule_id = 'DQ003'").ShouldBe(accepted ? 0 : 1);
    }

    [Fact]
    public void A_negative_future_tolerance_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SilverSql.Checked(D, Bronze.Table, new SilverOptions { FutureTolerance = TimeSpan.FromMinutes(-1) }));
    }

    [Theory]
    [InlineData("bronze.service_requests; DROP TABLE x")]
    [InlineData(" ")]
    public void A_relation_name_must_be_one_relation(string relation)
    {
        Should.Throw<ArgumentException>(() => SilverSql.Accepted(D, relation));
    }

    public void Dispose() => db.Dispose();
}
