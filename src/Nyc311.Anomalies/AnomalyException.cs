namespace Nyc311.Anomalies;

/// <summary>Base of the errors anomaly detection and alerting raise; the subclasses say precisely what went wrong.</summary>
public class AnomalyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No incident has the id an operator gave.</summary>
public sealed class IncidentNotFoundException : AnomalyException
{
    private IncidentNotFoundException(string incidentId)
        : base($"no incident '{incidentId}' (see nyc311 incidents list)") => IncidentId = incidentId;

    public string IncidentId { get; }

    public static IncidentNotFoundException For(string incidentId) => new(incidentId);
}

/// <summary>The <c>Anomalies</c> settings are invalid; the message lists every problem.</summary>
public sealed class AnomalyOptionsException : AnomalyException
{
    private AnomalyOptionsException(string message)
        : base(message)
    {
    }

    public static AnomalyOptionsException Invalid(IEnumerable<string> problems) =>
        new($"invalid Anomalies settings: {string.Join("; ", problems)}");
}

/// <summary>A daily series given to the stand-alone detector cannot be used (bad header, row or range).</summary>
public sealed class AnomalyInputException : AnomalyException
{
    private AnomalyInputException(string source, int? line, string problem)
        : base(line is { } l ? $"{source}, line {l}: {problem}" : $"{source}: {problem}")
    {
        Line = line;
        Problem = problem;
    }

    /// <summary>The 1-based line of the offending record, when the problem belongs to one line.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the source and line.</summary>
    public string Problem { get; }

    public static AnomalyInputException MissingColumn(string source, string column) => new(source, 1, $"missing column '{column}' (expected ds, y and optionally series)");

    public static AnomalyInputException BadRow(string source, int line, string reason) => new(source, line, reason);

    public static AnomalyInputException Empty(string source) => new(source, null, "no rows (expected a header ds,y[,series] and one row per day)");

    public static AnomalyInputException NothingToJudge(string source, DateOnly from, DateOnly last) =>
        new(source, null, $"--from {from:yyyy-MM-dd} is after the last day of the data ({last:yyyy-MM-dd})");
}

/// <summary>An alert could not be delivered by a sink, after its retries.</summary>
public sealed class AlertDeliveryException : AnomalyException
{
    private AlertDeliveryException(string sink, string message, Exception? inner)
        : base($"alert sink '{sink}': {message}", inner) => Sink = sink;

    public string Sink { get; }

    public static AlertDeliveryException Failed(string sink, string message, Exception? inner = null) => new(sink, message, inner);
}
