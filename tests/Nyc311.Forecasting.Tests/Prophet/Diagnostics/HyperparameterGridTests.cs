using Nyc311.Forecasting.Prophet;
using Nyc311.Forecasting.Prophet.Diagnostics;

namespace Nyc311.Forecasting.Tests.Prophet.Diagnostics;

/// <summary>
/// REFERENCE.md D8: the diagnostics guide's grid, RMSE of a 30-day horizon at three fixed cut-offs with
/// <c>rolling_window=1</c>. Two cells are refitted (each costs three Peyton fits): the grid's best and a cell of
/// its worst row, so the test checks both the values and that the search would prefer the same corner.
/// </summary>
public class HyperparameterGridTests
{
    private static readonly DateTime[] Cutoffs = [new(2013, 2, 15), new(2013, 8, 15), new(2014, 2, 15)];

    public static TheoryData<double, double, double> Cells => new()
    {
        { 0.1, 0.1, 0.516061 },
        { 0.001, 0.1, 0.743399 },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rmse_of_a_grid_cell_matches_the_published_grid(double changepointPriorScale, double seasonalityPriorScale, double published)
    {
        var rmse = Rmse(changepointPriorScale, seasonalityPriorScale);

        // REFERENCE.md: cross-validation metrics agree within 2-3 %.
        rmse.ShouldBe(published, 0.03 * published);
    }

    [Fact]
    public void The_published_best_cell_beats_the_rigid_trend_by_the_published_margin()
    {
        var best = Rmse(0.1, 0.1);
        var rigid = Rmse(0.001, 0.1);

        // Published: 0.516061 against 0.743399, a ratio of 0.694.
        (best / rigid).ShouldBe(0.516061 / 0.743399, 0.03);
    }

    private static readonly Dictionary<(double, double), Lazy<double>> Cache = new()
    {
        [(0.1, 0.1)] = new(() => Compute(0.1, 0.1)),
        [(0.001, 0.1)] = new(() => Compute(0.001, 0.1)),
    };

    private static double Rmse(double cps, double sps) => Cache[(cps, sps)].Value;

    private static double Compute(double cps, double sps)
    {
        // RMSE needs no intervals, so the simulation is skipped (it does not change yhat).
        var options = new ProphetOptions { ChangepointPriorScale = cps, SeasonalityPriorScale = sps, UncertaintySamples = 0 };
        var rows = ProphetCrossValidation.Run(options, TestData.Peyton, TimeSpan.FromDays(30), cutoffs: Cutoffs, parallelism: 2);
        return ProphetPerformanceMetrics.Compute(rows, ["rmse"], rollingWindow: 1).ShouldHaveSingleItem()["rmse"];
    }
}
