using Nyc311.Dashboard.Data;
using Nyc311.Dashboard.Tests.Fixtures;

namespace Nyc311.Dashboard.Tests.Data;

public sealed class LakeStateTests : IDisposable
{
    private readonly SmallLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private LakeState State => new(_lake.Catalog, _lake.Time);

    [Fact]
    public void A_missing_an_empty_and_a_filled_table_are_told_apart_with_a_plain_notice()
    {
        var state = State;
        var missing = state.Info(LakeTables.DailyCounts);
        missing.State.ShouldBe(TableState.Missing);
        missing.Version.ShouldBe(-1);
        missing.Notice.ShouldBe("gold.daily_counts does not exist yet: the main job (nyc311 run) creates it.");
        state.Info(LakeTables.Forecasts).Notice.ShouldBe("gold.forecasts does not exist yet: the forecasting job creates it.");

        _lake.CreateEmptyDailyCounts();
        var empty = state.Info(LakeTables.DailyCounts);
        empty.State.ShouldBe(TableState.Empty);
        empty.Notice.ShouldBe("gold.daily_counts exists but has no rows yet.");

        _lake.AppendDailyCounts(SmallLake.Last, SmallLake.Last);
        var ready = state.Info(LakeTables.DailyCounts);
        ready.State.ShouldBe(TableState.Ready);
        ready.Notice.ShouldBeNull();
        ready.Version.ShouldBe(1);
        ready.Rows.ShouldBe(9); // 4 series, 2 type rollups, 2 borough rollups and the citywide total
    }

    [Fact]
    public void An_unreadable_table_is_reported_with_its_reason_instead_of_failing()
    {
        _lake.WriteDailyCounts(days: 3);
        var log = Path.Combine(_lake.Catalog.PathOf(LakeTables.DailyCounts), "_delta_log");
        File.WriteAllText(Path.Combine(log, "00000000000000000002.json"), "{ this is not json");

        var info = State.Info(LakeTables.DailyCounts);

        info.State.ShouldBe(TableState.Unreadable);
        info.Problem.ShouldNotBeNullOrWhiteSpace();
        info.Notice!.ShouldStartWith("gold.daily_counts could not be read: ");
    }

    [Fact]
    public void The_state_of_a_version_is_computed_once_and_afresh_after_a_commit()
    {
        _lake.WriteDailyCounts(days: 7);
        var state = State;
        var first = state.Info(LakeTables.DailyCounts);
        state.Info(LakeTables.DailyCounts).ShouldBeSameAs(first);

        _lake.AppendDailyCounts(SmallLake.Last.AddDays(1), SmallLake.Last.AddDays(1));
        var next = state.Info(LakeTables.DailyCounts);
        next.ShouldNotBeSameAs(first);
        next.Version.ShouldBe(first.Version + 1);
        next.Rows.ShouldBe(first.Rows + 9);
    }

    [Fact]
    public void Every_table_the_pages_read_is_listed_even_before_it_exists()
    {
        _lake.WriteDailyCounts(days: 3);
        var all = State.All();
        all.Select(t => t.Name).ShouldBe(LakeTables.Read.Order(StringComparer.Ordinal), ignoreOrder: false);
        all.Single(t => t.Name == LakeTables.DailyCounts).State.ShouldBe(TableState.Ready);
        all.Where(t => t.Name != LakeTables.DailyCounts).ShouldAllBe(t => t.State == TableState.Missing);
    }
}
