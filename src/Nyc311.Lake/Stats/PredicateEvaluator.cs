using Nyc311.Lake.Log;
using Nyc311.Lake.Schema;

namespace Nyc311.Lake.Stats;

/// <summary>What partition values and statistics prove about a file's rows for a predicate.</summary>
public enum FileMatch
{
    /// <summary>No row can satisfy the predicate: the file can be skipped.</summary>
    None,

    /// <summary>Some rows may satisfy it: the file must be read.</summary>
    Some,

    /// <summary>Every row satisfies it: the file can be taken (or dropped) whole.</summary>
    All,
}

/// <summary>Evaluates a <see cref="Predicate"/> against one file's partition values and statistics.</summary>
public sealed class PredicateEvaluator
{
    private readonly StructType _schema;
    private readonly HashSet<string> _partitionColumns;

    public PredicateEvaluator(StructType schema, IEnumerable<string> partitionColumns)
    {
        _schema = schema;
        _partitionColumns = new HashSet<string>(partitionColumns, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the file's metadata proves about the rows matching <paramref name="predicate"/>.</summary>
    public FileMatch Evaluate(Predicate predicate, AddFile file)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(file);
        return Evaluate(predicate, new FileFacts(file));
    }

    private FileMatch Evaluate(Predicate predicate, FileFacts file) => predicate switch
    {
        AndPredicate and => Combine(Evaluate(and.Left, file), Evaluate(and.Right, file), isAnd: true),
        OrPredicate or => Combine(Evaluate(or.Left, file), Evaluate(or.Right, file), isAnd: false),
        NotPredicate not => Evaluate(not.Inner, file) == FileMatch.All ? FileMatch.None : FileMatch.Some,
        ComparisonPredicate c => Column(c.Column, file, (value, isPartition) => Compare(c, value, isPartition)),
        InPredicate i => Column(i.Column, file, (value, isPartition) => In(i, value, isPartition)),
        NullPredicate n => Nulls(n, file),
        _ => FileMatch.Some,
    };

    private static FileMatch Combine(FileMatch left, FileMatch right, bool isAnd)
    {
        if (isAnd)
        {
            return left == FileMatch.None || right == FileMatch.None ? FileMatch.None
                : left == FileMatch.All && right == FileMatch.All ? FileMatch.All : FileMatch.Some;
        }

        return left == FileMatch.All || right == FileMatch.All ? FileMatch.All
            : left == FileMatch.None && right == FileMatch.None ? FileMatch.None : FileMatch.Some;
    }

    private FileMatch Column(string column, FileFacts file, Func<ColumnFacts, bool, FileMatch> test)
    {
        var field = _schema.Get(column);
        if (_partitionColumns.Contains(field.Name))
        {
            file.Add.PartitionValues.TryGetValue(PartitionKey(file.Add, field.Name), out var raw);
            var value = StatValue.FromPartitionValue(raw, field.Type);
            return test(new ColumnFacts(field.Type, value, value, value is null ? 1 : 0, 1), true);
        }

        var stats = file.Stats;
        if (stats is null)
        {
            return FileMatch.Some;
        }

        var min = StatValue.FromJson(stats.MinOf(field.Name), field.Type);
        var max = StatValue.FromJson(stats.MaxOf(field.Name), field.Type);
        if (max is not null)
        {
            max = StatValue.WidenMaximum(max, field.Type);
        }

        return test(new ColumnFacts(field.Type, min, max, stats.NullCountOf(field.Name), stats.NumRecords), false);
    }

    private FileMatch Nulls(NullPredicate predicate, FileFacts file)
    {
        var field = _schema.Get(predicate.Column);
        long? nulls;
        long? records;
        if (_partitionColumns.Contains(field.Name))
        {
            file.Add.PartitionValues.TryGetValue(PartitionKey(file.Add, field.Name), out var raw);
            nulls = string.IsNullOrEmpty(raw) ? 1 : 0;
            records = 1;
        }
        else
        {
            nulls = file.Stats?.NullCountOf(field.Name);
            records = file.Stats?.NumRecords;
        }

        if (nulls is null || records is null)
        {
            return FileMatch.Some;
        }

        var allNull = nulls == records;
        var noneNull = nulls == 0;
        return predicate.MatchesNull
            ? noneNull ? FileMatch.None : allNull ? FileMatch.All : FileMatch.Some
            : allNull ? FileMatch.None : noneNull ? FileMatch.All : FileMatch.Some;
    }

    private static FileMatch Compare(ComparisonPredicate predicate, ColumnFacts facts, bool exact)
    {
        var literal = StatValue.FromLiteral(predicate.Value, facts.Type, predicate.Column);
        if (facts.Min is null || facts.Max is null)
        {
            // All values null: a comparison is never true. Unknown bounds: cannot decide.
            return facts.AllNull ? FileMatch.None : FileMatch.Some;
        }

        var lo = StatValue.Compare(facts.Min, literal);
        var hi = StatValue.Compare(facts.Max, literal);
        var noNulls = facts.NullCount == 0;
        var single = exact || (StatValue.Compare(facts.Min, facts.Max) == 0 && noNulls);
        return predicate.Operator switch
        {
            ComparisonOperator.Equal => lo > 0 || hi < 0 ? FileMatch.None : single && lo == 0 && noNulls ? FileMatch.All : FileMatch.Some,
            ComparisonOperator.NotEqual => single && lo == 0 ? FileMatch.None : (lo > 0 || hi < 0) && noNulls ? FileMatch.All : FileMatch.Some,
            ComparisonOperator.LessThan => lo >= 0 ? FileMatch.None : hi < 0 && noNulls ? FileMatch.All : FileMatch.Some,
            ComparisonOperator.LessThanOrEqual => lo > 0 ? FileMatch.None : hi <= 0 && noNulls ? FileMatch.All : FileMatch.Some,
            ComparisonOperator.GreaterThan => hi <= 0 ? FileMatch.None : lo > 0 && noNulls ? FileMatch.All : FileMatch.Some,
            ComparisonOperator.GreaterThanOrEqual => hi < 0 ? FileMatch.None : lo >= 0 && noNulls ? FileMatch.All : FileMatch.Some,
            _ => FileMatch.Some,
        };
    }

    private static FileMatch In(InPredicate predicate, ColumnFacts facts, bool exact)
    {
        if (facts.Min is null || facts.Max is null)
        {
            return facts.AllNull ? FileMatch.None : FileMatch.Some;
        }

        var anyInRange = false;
        var equalsSingle = false;
        var single = exact || (StatValue.Compare(facts.Min, facts.Max) == 0 && facts.NullCount == 0);
        foreach (var raw in predicate.Values)
        {
            var literal = StatValue.FromLiteral(raw, facts.Type, predicate.Column);
            if (StatValue.Compare(facts.Min, literal) <= 0 && StatValue.Compare(facts.Max, literal) >= 0)
            {
                anyInRange = true;
                equalsSingle |= single && StatValue.Compare(facts.Min, literal) == 0;
            }
        }

        return !anyInRange ? FileMatch.None : equalsSingle && facts.NullCount == 0 ? FileMatch.All : FileMatch.Some;
    }

    private static string PartitionKey(AddFile file, string column)
    {
        if (file.PartitionValues.ContainsKey(column))
        {
            return column;
        }

        return file.PartitionValues.Keys.FirstOrDefault(k => string.Equals(k, column, StringComparison.OrdinalIgnoreCase)) ?? column;
    }

    private sealed class FileFacts(AddFile add)
    {
        private FileStatistics? _stats;
        private bool _parsed;

        public AddFile Add { get; } = add;

        public FileStatistics? Stats
        {
            get
            {
                if (!_parsed)
                {
                    _stats = FileStatistics.Parse(Add.Stats);
                    _parsed = true;
                }

                return _stats;
            }
        }
    }

    private sealed record ColumnFacts(DeltaType Type, object? Min, object? Max, long? NullCount, long? Records)
    {
        public bool AllNull => NullCount is { } n && Records is { } r && n == r;
    }
}
