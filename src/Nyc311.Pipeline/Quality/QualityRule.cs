namespace Nyc311.Pipeline.Quality;

/// <summary>One data-quality rule of the silver transform.</summary>
/// <param name="Id">Stable id (<c>DQ001</c>), used in the quarantine, the quality report and <c>dq_warnings</c>.</param>
/// <param name="Name">Short snake_case name (<c>missing_unique_key</c>).</param>
/// <param name="Severity">Whether failing rows are rejected or kept with a warning.</param>
/// <param name="Description">What the rule checks, in a sentence.</param>
public sealed record QualityRule(string Id, string Name, RuleSeverity Severity, string Description);
