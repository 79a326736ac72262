using Nyc311.Lake.Schema;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Stats;

/// <summary>Renders a <see cref="Predicate"/> as a DuckDB boolean expression over a table's columns.</summary>
public static class PredicateSql
{
    /// <summary>The predicate as SQL; column references are quoted and prefixed with <paramref name="alias"/> when given.</summary>
    public static string Render(Predicate predicate, StructType schema, string? alias = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(schema);
        string Col(string name) => (alias is null ? "" : alias + ".") + SqlText.Identifier(schema.Get(name).Name);
        string Lit(string name, object value) => StatValue.ToSql(value, schema.Get(name).Type, name);

        return predicate switch
        {
            AndPredicate and => $"({Render(and.Left, schema, alias)} AND {Render(and.Right, schema, alias)})",
            OrPredicate or => $"({Render(or.Left, schema, alias)} OR {Render(or.Right, schema, alias)})",
            NotPredicate not => $"(NOT {Render(not.Inner, schema, alias)})",
            NullPredicate n => $"({Col(n.Column)} IS {(n.MatchesNull ? "" : "NOT ")}NULL)",
            InPredicate i => $"({Col(i.Column)} IN ({string.Join(", ", i.Values.Select(v => Lit(i.Column, v)))}))",
            ComparisonPredicate c => $"({Col(c.Column)} {Operator(c.Operator)} {Lit(c.Column, c.Value)})",
            _ => throw new LakeException($"unsupported predicate {predicate.GetType().Name}"),
        };
    }

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        _ => ">=",
    };
}
