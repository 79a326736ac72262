namespace Nyc311.Forecasting;

/// <summary>
/// Base of every error raised by the forecasting room. Catch this to handle any forecasting failure;
/// the subclasses say precisely what went wrong.
/// </summary>
public abstract class ForecastingException : Exception
{
    private protected ForecastingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
