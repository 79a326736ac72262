using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>
/// The work a Peyton Manning fit (2905 rows) takes, measured in evaluations of the log posterior rather than
/// wall-clock time; the shared quick-start fit is inspected, so no extra fit is paid for. The forecast benchmark
/// reports the time per series.
/// </summary>
public class FitSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Fitting_Peyton_converges_within_a_bounded_number_of_evaluations()
    {
        var (model, forecast) = PeytonFits.Default;

        output.WriteLine($"fit: {model.FitInfo.Iterations} iterations, {model.FitInfo.Evaluations} evaluations ({model.FitInfo.Termination})");
        model.FitInfo.Algorithm.ShouldBe(ProphetAlgorithm.Lbfgs);
        model.FitInfo.Evaluations.ShouldBeLessThan(3000);
        forecast.Dates.Count.ShouldBe(3270);
    }
}
