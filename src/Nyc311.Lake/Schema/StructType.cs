using System.Text.Json.Nodes;
using Nyc311.Lake.Sql;

namespace Nyc311.Lake.Schema;

/// <summary>A column (or nested field): name, type, nullability and Delta column metadata.</summary>
public sealed record StructField(string Name, DeltaType Type, bool Nullable = true)
{
    /// <summary>Column metadata as stored in the schema JSON (e.g. <c>delta.invariants</c>, comments).</summary>
    public JsonObject? Metadata { get; init; }
}

/// <summary>A struct type; the top-level one is a table's schema.</summary>
public sealed record StructType : DeltaType
{
    public StructType(IEnumerable<StructField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
        var duplicate = Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LakeException($"column '{duplicate.Key}' appears more than once (Delta column names are unique regardless of case)");
        }
    }

    public StructType(params StructField[] fields)
        : this((IEnumerable<StructField>)fields)
    {
    }

    public IReadOnlyList<StructField> Fields { get; }

    public override string SimpleString => $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.Type.SimpleString}"))}>";

    public override string ToDuckDb() =>
        $"STRUCT({string.Join(", ", Fields.Select(f => $"{SqlText.Identifier(f.Name)} {f.Type.ToDuckDb()}"))})";

    /// <summary>The field with this name (case-insensitive, as Delta resolves names), or null.</summary>
    public StructField? Find(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The field with this name, or a clear error naming the known columns.</summary>
    public StructField Get(string name) =>
        Find(name) ?? throw new LakeException($"unknown column '{name}'; columns are {string.Join(", ", Fields.Select(f => f.Name))}");

    /// <summary>Structural equality (records compare lists by reference).</summary>
    public bool SameAs(StructType other) => SchemaJson.Serialize(this) == SchemaJson.Serialize(other);

    public bool Equals(StructType? other) => other is not null && SameAs(other);

    public override int GetHashCode() => SchemaJson.Serialize(this).GetHashCode(StringComparison.Ordinal);
}
