namespace Nyc311.Forecasting.Tracking;

/// <summary>
/// Records every run in a primary store (the local file store, the source of truth) and mirrors it to a
/// second one (a remote MLflow server). The run's id is the primary's; the mirror's id is kept in the tag
/// <c>nyc311.mirror_run_id</c> of the primary run.
/// </summary>
public sealed class MirroredTracker(IExperimentTracker primary, IExperimentTracker mirror) : IExperimentTracker
{
    /// <inheritdoc />
    public ITrackedRun StartRun(string experimentName, string runName, IReadOnlyDictionary<string, string>? tags = null)
    {
        var first = primary.StartRun(experimentName, runName, tags);
        var second = mirror.StartRun(experimentName, runName, tags);
        first.SetTags(new Dictionary<string, string> { ["nyc311.mirror_run_id"] = second.RunId });
        second.SetTags(new Dictionary<string, string> { ["nyc311.local_run_id"] = first.RunId });
        return new MirroredRun(first, second);
    }

    /// <summary>A run recorded twice.</summary>
    public sealed class MirroredRun(ITrackedRun primary, ITrackedRun mirror) : ITrackedRun
    {
        /// <summary>The mirror's run.</summary>
        public ITrackedRun Mirror => mirror;

        /// <inheritdoc />
        public string RunId => primary.RunId;

        /// <inheritdoc />
        public string ExperimentId => primary.ExperimentId;

        /// <inheritdoc />
        public string ArtifactUri => primary.ArtifactUri;

        /// <inheritdoc />
        public void LogParameters(IReadOnlyDictionary<string, string> parameters)
        {
            primary.LogParameters(parameters);
            mirror.LogParameters(parameters);
        }

        /// <inheritdoc />
        public void LogMetric(string key, double value, long stepNumber = 0)
        {
            primary.LogMetric(key, value, stepNumber);
            mirror.LogMetric(key, value, stepNumber);
        }

        /// <inheritdoc />
        public void SetTags(IReadOnlyDictionary<string, string> tags)
        {
            primary.SetTags(tags);
            mirror.SetTags(tags);
        }

        /// <inheritdoc />
        public void LogArtifact(string relativePath, ReadOnlySpan<byte> content)
        {
            primary.LogArtifact(relativePath, content);
            mirror.LogArtifact(relativePath, content);
        }

        /// <inheritdoc />
        public void Finish(RunStatus status)
        {
            primary.Finish(status);
            mirror.Finish(status);
        }
    }
}
