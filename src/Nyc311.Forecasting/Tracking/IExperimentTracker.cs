namespace Nyc311.Forecasting.Tracking;

/// <summary>MLflow's run status codes.</summary>
public enum RunStatus
{
    /// <summary>The run is in progress.</summary>
    Running = 1,

    /// <summary>Queued, not started.</summary>
    Scheduled = 2,

    /// <summary>Completed successfully.</summary>
    Finished = 3,

    /// <summary>Ended by an error.</summary>
    Failed = 4,

    /// <summary>Stopped before completing.</summary>
    Killed = 5,
}

/// <summary>Where training and forecast runs are recorded (a local MLflow file store, a remote MLflow server, or both).</summary>
public interface IExperimentTracker
{
    /// <summary>Starts a run in the experiment named <paramref name="experimentName"/> (created when absent).</summary>
    ITrackedRun StartRun(string experimentName, string runName, IReadOnlyDictionary<string, string>? tags = null);
}

/// <summary>
/// One run being recorded: parameters (set once), metrics (a value per step), tags and artifacts (files).
/// Calls are thread-safe. Ending the run records its status and end time.
/// </summary>
public interface ITrackedRun
{
    /// <summary>The run id (32 hexadecimal characters, as MLflow's).</summary>
    string RunId { get; }

    /// <summary>The experiment's id.</summary>
    string ExperimentId { get; }

    /// <summary>Where the run's artifacts live (a <c>file://</c> URI for a local store).</summary>
    string ArtifactUri { get; }

    /// <summary>Records parameters (hyperparameters, options, input table versions).</summary>
    void LogParameters(IReadOnlyDictionary<string, string> parameters);

    /// <summary>Records a metric value at step <paramref name="stepNumber"/> (0 by default).</summary>
    void LogMetric(string key, double value, long stepNumber = 0);

    /// <summary>Sets tags.</summary>
    void SetTags(IReadOnlyDictionary<string, string> tags);

    /// <summary>Stores a file under the run's artifacts at <paramref name="relativePath"/> (forward slashes).</summary>
    void LogArtifact(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>Ends the run with a status.</summary>
    void Finish(RunStatus status);
}
