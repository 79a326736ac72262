namespace Nyc311.Forecasting.Prophet.Internal;

/// <summary>
/// Prophet's scales: <c>y_scaled = (y - floor) / YScale</c> where floor is the logistic floor column, or
/// <see cref="YMin"/> without one (0 under absmax); <c>t = (ds - Start) / TimeScale</c>.
/// </summary>
internal sealed record ModelScales(double YScale, double YMin, bool LogisticFloor, DateTime Start, long TimeScaleTicks)
{
    public double ScaledTime(DateTime date) => (double)(date.Ticks - Start.Ticks) / TimeScaleTicks;
}
