namespace Nyc311.Forecasting;

/// <summary>The run tracking store, the model registry or a remote MLflow server failed or lacks what was asked for.</summary>
public sealed class TrackingException : ForecastingException
{
    private TrackingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>A registered model has no version under the alias (for example no champion has been trained yet).</summary>
    public static TrackingException NoAlias(string model, string alias, string registryRoot) =>
        new($"registered model '{model}' has no version with alias '{alias}' in {registryRoot}; run 'nyc311 train' first");

    /// <summary>A registered model version does not exist.</summary>
    public static TrackingException VersionNotFound(string model, int version) =>
        new($"registered model '{model}' has no version {version}");

    /// <summary>A file of the store is missing or unreadable.</summary>
    public static TrackingException Corrupt(string path, string problem, Exception? inner = null) =>
        new($"{path}: {problem}", inner);

    /// <summary>A remote MLflow server answered with an error or could not be reached.</summary>
    public static TrackingException Remote(string endpoint, string problem, Exception? inner = null) =>
        new($"MLflow server {endpoint}: {problem}", inner);

    /// <summary>A name or key MLflow would reject.</summary>
    public static TrackingException InvalidName(string kind, string name, string rule) =>
        new($"{kind} '{name}' is not valid: {rule}");
}
