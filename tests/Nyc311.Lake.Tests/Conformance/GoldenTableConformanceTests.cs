using Microsoft.Extensions.Time.Testing;
using Nyc311.Lake.Sql;
using Nyc311.Lake.Tests.Golden;
using Nyc311.Testing;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>Tables written by Spark and delta-rs keep every MUST rule the validator checks (a check of the validator, too).</summary>
public sealed class GoldenTableConformanceTests
{
    [Theory]
    [InlineData("simple_table")]
    [InlineData("simple_table_with_checkpoint")]
    [InlineData("delta-0.2.0")]
    [InlineData("delta-0.8.0-partitioned")]
    [InlineData("delta-0.8.0-null-partition")]
    [InlineData("delta-0.8.0-special-partition")]
    [InlineData("delta-1.2.1-only-struct-stats")]
    [InlineData("delta-checkpoint-stats-optional")]
    [InlineData("table_with_edge_timestamps")]
    [InlineData("table-with-dv-small")]
    [InlineData("table_with_column_mapping")]
    [InlineData("checkpoint-v2-table")]
    public void A_golden_table_keeps_the_protocol_rules(string name)
    {
        using var validator = new DeltaLogValidator(ValidationLevel.ProtocolMust);

        validator.Validate(GoldenTables.PathOf(name)).ShouldBeEmpty();
    }

    [Fact]
    public void The_log_only_vacuumed_table_keeps_the_protocol_rules_from_its_oldest_checkpoint()
    {
        using var validator = new DeltaLogValidator(ValidationLevel.ProtocolMust, checkDataFiles: false);

        validator.Validate(GoldenTables.PathOf("checkpoints_vacuumed")).ShouldBeEmpty();
    }

    [Fact]
    public void Spark_tables_are_not_held_to_this_layers_own_promises()
    {
        // Spark 0.8 wrote no stats; the strict level must notice, or it would not be checking anything.
        using var validator = new DeltaLogValidator(ValidationLevel.OwnWriter);

        validator.Validate(GoldenTables.PathOf("delta-0.8.0-partitioned")).Select(v => v.Rule).ShouldContain("own.add-has-stats");
    }

    [Fact]
    public void Appending_to_spark_tables_keeps_them_conformant()
    {
        using var folder = new TempDirectory("golden");
        using var db = LakeDuckDb.Open(threads: 1);
        using var validator = new DeltaLogValidator(ValidationLevel.ProtocolMust);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var partitioned = DeltaTable.Open(GoldenTables.CopyTo("delta-0.8.0-partitioned", folder), time: clock);
        var special = DeltaTable.Open(GoldenTables.CopyTo("delta-0.8.0-special-partition", folder), time: clock);
        var nulls = DeltaTable.Open(GoldenTables.CopyTo("delta-0.8.0-null-partition", folder), time: clock);

        partitioned.Append(db, "SELECT '8' AS value, '2021' AS year, '12' AS month, '20' AS day");
        special.Append(db, "SELECT * FROM (VALUES ('A/A', 3::BIGINT), ('C%D E', 4)) AS t(x, y)");
        nulls.Append(db, "SELECT * FROM (VALUES (NULL, 5::BIGINT), ('B', 6)) AS t(k, v)");

        validator.Validate(partitioned.Path).ShouldBeEmpty();
        validator.Validate(special.Path).ShouldBeEmpty();
        validator.Validate(nulls.Path).ShouldBeEmpty();
        db.Query($"SELECT x FROM ({special.SelectSql(db)}) ORDER BY x, y", r => r.GetString(0)).ShouldBe(["A/A", "A/A", "B B", "C%D E"]);
        db.Query($"SELECT coalesce(k, 'null') FROM ({nulls.SelectSql(db)}) ORDER BY v", r => r.GetString(0)).Count(k => k == "null").ShouldBe(2);
    }
}
