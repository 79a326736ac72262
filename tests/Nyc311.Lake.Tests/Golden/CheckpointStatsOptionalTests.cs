using Nyc311.Lake.Sql;
using Nyc311.Lake.Stats;

namespace Nyc311.Lake.Tests.Golden;

/// <summary>
/// delta-checkpoint-stats-optional: a checkpoint at 2 with <c>stats_parsed</c> where one add has no stats,
/// and a <c>_last_checkpoint</c> written with snake_case keys by delta-rs.
/// </summary>
public sealed class CheckpointStatsOptionalTests : IDisposable
{
    private readonly DuckDB.NET.Data.DuckDBConnection _db = LakeDuckDb.Open(threads: 1);
    private readonly DeltaTable _table = GoldenTables.Open("delta-checkpoint-stats-optional");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Latest_version_2_has_one_file_with_struct_stats_and_one_without()
    {
        var snapshot = _table.LoadSnapshot();

        snapshot.Version.ShouldBe(2);
        snapshot.Files.Count.ShouldBe(2);
        FileStatistics.Parse(snapshot.Files.Single(f => f.Path.Contains("7a509247", StringComparison.Ordinal)).Stats)!.NumRecords.ShouldBe(1);
        FileStatistics.Parse(snapshot.Files.Single(f => f.Path.Contains("28925d3a", StringComparison.Ordinal)).Stats).ShouldBeNull();
        snapshot.NumRecords.ShouldBeNull();
        GoldenTables.Count(_db, _table, snapshot).ShouldBe(2);
    }

    [Fact]
    public void Only_the_file_without_stats_is_kept_for_a_value_the_stats_rule_out()
    {
        var snapshot = _table.LoadSnapshot();

        DeltaTable.FilesFor(snapshot, Predicate.Equal("integer", 1)).ShouldHaveSingleItem().Path.ShouldContain("28925d3a");
        DeltaTable.FilesFor(snapshot, Predicate.Equal("integer", 0)).Count.ShouldBe(2);
        GoldenTables.Rows(_db, _table, snapshot, "SELECT \"integer\" FROM {t} ORDER BY 1").ShouldBe(["0", "1"]);
    }
}
