using Nyc311.Forecasting.Prophet.Diagnostics;

namespace Nyc311.Forecasting.Tests.Prophet.Diagnostics;

/// <summary>
/// REFERENCE.md D6: <c>cross_validation(m, initial='730 days', period='180 days', horizon='365 days')</c> of the
/// default model on Peyton, run once (11 refits, two at a time) and shared by the D6 and D7 tests.
/// </summary>
internal static class PeytonCrossValidation
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(365);
    public static readonly TimeSpan Period = TimeSpan.FromDays(180);
    public static readonly TimeSpan Initial = TimeSpan.FromDays(730);

    private static readonly Lazy<IReadOnlyList<CrossValidationRow>> Cached = new(() =>
        ProphetCrossValidation.Run(PeytonFits.Default.Model, TestData.Peyton, Horizon, Period, Initial, parallelism: 2));

    public static IReadOnlyList<CrossValidationRow> Rows => Cached.Value;
}
