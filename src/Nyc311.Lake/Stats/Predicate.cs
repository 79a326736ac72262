namespace Nyc311.Lake.Stats;

/// <summary>Comparison operators of a <see cref="Predicate"/>.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>
/// A row filter over top-level columns that the table layer can both render as SQL and evaluate
/// against partition values and file statistics, to skip files that cannot hold matching rows.
/// Values are C# literals: string, integer types, double, decimal, bool, <see cref="DateOnly"/>,
/// <see cref="DateTime"/> (wall-clock, for <c>timestamp_ntz</c>) or <see cref="DateTimeOffset"/>.
/// </summary>
public abstract record Predicate
{
    public static Predicate Equal(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.Equal, value);

    public static Predicate NotEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.NotEqual, value);

    public static Predicate LessThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThan, value);

    public static Predicate LessThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.LessThanOrEqual, value);

    public static Predicate GreaterThan(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThan, value);

    public static Predicate GreaterThanOrEqual(string column, object value) => new ComparisonPredicate(column, ComparisonOperator.GreaterThanOrEqual, value);

    /// <summary>Rows whose column lies in [<paramref name="from"/>, <paramref name="to"/>] inclusive.</summary>
    public static Predicate Between(string column, object from, object to) =>
        GreaterThanOrEqual(column, from).And(LessThanOrEqual(column, to));

    public static Predicate In(string column, IEnumerable<object> values) => new InPredicate(column, [.. values]);

    public static Predicate IsNull(string column) => new NullPredicate(column, true);

    public static Predicate IsNotNull(string column) => new NullPredicate(column, false);

    public Predicate And(Predicate other) => new AndPredicate(this, other);

    public Predicate Or(Predicate other) => new OrPredicate(this, other);

    public Predicate Not() => new NotPredicate(this);

    /// <summary>The top-level columns the predicate reads.</summary>
    public abstract IEnumerable<string> Columns { get; }
}

public sealed record ComparisonPredicate(string Column, ComparisonOperator Operator, object Value) : Predicate
{
    public override IEnumerable<string> Columns => [Column];
}

public sealed record InPredicate(string Column, IReadOnlyList<object> Values) : Predicate
{
    public override IEnumerable<string> Columns => [Column];
}

public sealed record NullPredicate(string Column, bool MatchesNull) : Predicate
{
    public override IEnumerable<string> Columns => [Column];
}

public sealed record AndPredicate(Predicate Left, Predicate Right) : Predicate
{
    public override IEnumerable<string> Columns => Left.Columns.Concat(Right.Columns);
}

public sealed record OrPredicate(Predicate Left, Predicate Right) : Predicate
{
    public override IEnumerable<string> Columns => Left.Columns.Concat(Right.Columns);
}

public sealed record NotPredicate(Predicate Inner) : Predicate
{
    public override IEnumerable<string> Columns => Inner.Columns;
}
