using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Reference;

/// <summary>A small reference table as plain rows, for writing as a Delta table or rendering as SQL.</summary>
/// <param name="Name">The relation it is meant for (<c>silver.zip_boroughs</c>).</param>
/// <param name="Columns">Its columns; the key columns first.</param>
/// <param name="Rows">
/// Its rows, one value per column: <see cref="string"/> for <see cref="SqlType.String"/>, <see cref="DateOnly"/> for
/// <see cref="SqlType.Date"/>, <see cref="bool"/> for <see cref="SqlType.Boolean"/>, or null.
/// </param>
public sealed record ReferenceTable(string Name, IReadOnlyList<SqlColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
