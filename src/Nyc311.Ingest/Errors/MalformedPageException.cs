namespace Nyc311.Ingest;

/// <summary>Every attempt at a page came back as something other than a JSON array of objects.</summary>
public sealed class MalformedPageException : SocrataException
{
    private MalformedPageException(string dataset, long offset, int attempts, string problem)
        : base(dataset, offset, attempts, $"Socrata dataset {dataset} returned a malformed page at offset {offset} after {Tries(attempts)}: {problem}", null)
    {
        Problem = problem;
    }

    /// <summary>What was wrong with the last response (for example <c>record 17 is a string, not an object</c>).</summary>
    public string Problem { get; }

    internal static MalformedPageException After(string dataset, long offset, int attempts, string problem) =>
        new(dataset, offset, attempts, problem);
}
