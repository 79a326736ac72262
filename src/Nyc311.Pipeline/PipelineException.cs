namespace Nyc311.Pipeline;

/// <summary>Base of the errors the silver and gold stages raise.</summary>
public class PipelineException : Exception
{
    public PipelineException(string message)
        : base(message)
    {
    }

    public PipelineException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>Too large a share of a run's rows failed the data-quality rules; nothing was merged into silver.</summary>
public sealed class RejectedShareExceededException : PipelineException
{
    private RejectedShareExceededException(string message)
        : base(message)
    {
    }

    public static RejectedShareExceededException Create(long rejected, long total, double limit, string topRules) =>
        new($"{rejected:N0} of {total:N0} rows ({(double)rejected / total:P1}) failed data-quality rules, above the allowed {limit:P1} " +
            $"(Pipeline:MaxRejectedShare); silver was not changed, the rows are in silver.quarantine. Most frequent: {topRules}");
}
