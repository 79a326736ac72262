using System.Diagnostics;
using Nyc311.Forecasting.Prophet;

namespace Nyc311.Forecasting.Tests.Prophet;

/// <summary>
/// Reports fit and predict cost on the Peyton Manning data (2905 rows). Wall-clock time is only reported,
/// never asserted; the assertions are on the work done (evaluations of the log posterior).
/// </summary>
public class FitSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Fitting_Peyton_converges_within_a_bounded_number_of_evaluations()
    {
        // Warm up the JIT on a smaller fit and prediction so the figures measure steady-state work.
        var warm = ProphetModel.Fit(TestData.Head(TestData.Peyton, 400));
        warm.Predict(warm.MakeFutureDates(30));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var model = ProphetModel.Fit(TestData.Peyton, new ProphetOptions());
        var fitWall = clock.Elapsed;
        var fitCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        clock.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var forecast = model.Predict(model.MakeFutureDates(365));
        var predictWall = clock.Elapsed;
        var predictCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        output.WriteLine($"fit: {fitWall.TotalMilliseconds:F0} ms wall, {fitCpu.TotalMilliseconds:F0} ms CPU, {model.FitInfo.Iterations} iterations, {model.FitInfo.Evaluations} evaluations ({model.FitInfo.Termination})");
        output.WriteLine($"predict 3270 rows x 1000 paths: {predictWall.TotalMilliseconds:F0} ms wall, {predictCpu.TotalMilliseconds:F0} ms CPU");
        model.FitInfo.Algorithm.ShouldBe(ProphetAlgorithm.Lbfgs);
        model.FitInfo.Evaluations.ShouldBeLessThan(3000);
        forecast.Dates.Count.ShouldBe(3270);
    }
}
