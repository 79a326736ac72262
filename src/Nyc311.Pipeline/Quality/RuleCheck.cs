namespace Nyc311.Pipeline.Quality;

/// <summary>A rule rendered as SQL over the enriched rows of the silver statement.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Condition">A boolean expression, true when the row fails (may be null where inputs are null).</param>
/// <param name="Reason">A text expression naming the offending value; null for warnings, which carry no reason.</param>
internal sealed record RuleCheck(QualityRule Rule, string Condition, string? Reason);
