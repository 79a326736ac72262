namespace Nyc311.Pipeline.Sql;

/// <summary>One exported statement: a SELECT meant to fill (or replace rows of) one relation.</summary>
/// <param name="Name">A stable file-like name (<c>silver/02_checked</c>), in the order a run executes them.</param>
/// <param name="Target">The relation its rows are for (<c>silver.service_requests</c>), or null when its rows are only read (reports, views).</param>
/// <param name="Description">What it reads, what it yields and how its rows are written.</param>
/// <param name="Text">The SQL text.</param>
/// <param name="Columns">The columns it yields, in order.</param>
public sealed record SqlStatement(string Name, string? Target, string Description, string Text, IReadOnlyList<SqlColumn> Columns);
