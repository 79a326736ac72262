namespace Nyc311.Pipeline.Quality;

/// <summary>What failing a rule does to a row.</summary>
public enum RuleSeverity
{
    /// <summary>The row is kept out of silver and written to the quarantine with the rule and the reason.</summary>
    Reject,

    /// <summary>The row stays in silver with the offending value set to null; the rule id is listed in its <c>dq_warnings</c>.</summary>
    Warn,
}
