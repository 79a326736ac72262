using System.Globalization;

namespace Nyc311.Lake.Schema;

/// <summary>A Delta Lake data type (the subset of Spark SQL types the protocol serializes).</summary>
public abstract record DeltaType
{
    /// <summary>The type as DuckDB spells it, used for casts and empty views.</summary>
    public abstract string ToDuckDb();

    /// <summary>The type's name in Delta's schema JSON for primitives (e.g. <c>long</c>, <c>decimal(10,2)</c>).</summary>
    public abstract string SimpleString { get; }

    public static PrimitiveType String { get; } = new("string");
    public static PrimitiveType Long { get; } = new("long");
    public static PrimitiveType Integer { get; } = new("integer");
    public static PrimitiveType Short { get; } = new("short");
    public static PrimitiveType Byte { get; } = new("byte");
    public static PrimitiveType Float { get; } = new("float");
    public static PrimitiveType Double { get; } = new("double");
    public static PrimitiveType Boolean { get; } = new("boolean");
    public static PrimitiveType Binary { get; } = new("binary");
    public static PrimitiveType Date { get; } = new("date");

    /// <summary>An instant: microseconds since the epoch, UTC (<c>isAdjustedToUTC=true</c> in Parquet).</summary>
    public static PrimitiveType Timestamp { get; } = new("timestamp");

    /// <summary>A wall-clock time without zone (<c>isAdjustedToUTC=false</c>); needs the <c>timestampNtz</c> feature.</summary>
    public static PrimitiveType TimestampNtz { get; } = new("timestamp_ntz");

    /// <summary>True when this type or any nested type is <c>timestamp_ntz</c>.</summary>
    public bool ContainsTimestampNtz() => this switch
    {
        PrimitiveType p => p.Name == "timestamp_ntz",
        StructType s => s.Fields.Any(f => f.Type.ContainsTimestampNtz()),
        ArrayType a => a.ElementType.ContainsTimestampNtz(),
        MapType m => m.KeyType.ContainsTimestampNtz() || m.ValueType.ContainsTimestampNtz(),
        _ => false,
    };
}

/// <summary>A primitive type by its Delta name.</summary>
public sealed record PrimitiveType(string Name) : DeltaType
{
    private static readonly Dictionary<string, string> DuckDbNames = new(StringComparer.Ordinal)
    {
        ["string"] = "VARCHAR",
        ["long"] = "BIGINT",
        ["integer"] = "INTEGER",
        ["short"] = "SMALLINT",
        ["byte"] = "TINYINT",
        ["float"] = "FLOAT",
        ["double"] = "DOUBLE",
        ["boolean"] = "BOOLEAN",
        ["binary"] = "BLOB",
        ["date"] = "DATE",
        ["timestamp"] = "TIMESTAMPTZ",
        ["timestamp_ntz"] = "TIMESTAMP",
        ["void"] = "INTEGER",
        ["variant"] = "VARCHAR",
    };

    public override string SimpleString => Name;

    public override string ToDuckDb() =>
        DuckDbNames.TryGetValue(Name, out var name) ? name : throw new LakeException($"unknown Delta type '{Name}'");

    /// <summary>True for the types a Delta type name can denote as a primitive.</summary>
    public static bool IsKnown(string name) => DuckDbNames.ContainsKey(name);
}

/// <summary>A fixed-point decimal.</summary>
public sealed record DecimalType(int Precision, int Scale) : DeltaType
{
    public override string SimpleString => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");

    public override string ToDuckDb() => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Precision},{Scale})");
}

/// <summary>An array of one element type.</summary>
public sealed record ArrayType(DeltaType ElementType, bool ContainsNull = true) : DeltaType
{
    public override string SimpleString => $"array<{ElementType.SimpleString}>";

    public override string ToDuckDb() => $"{ElementType.ToDuckDb()}[]";
}

/// <summary>A map from keys of one type to values of another.</summary>
public sealed record MapType(DeltaType KeyType, DeltaType ValueType, bool ValueContainsNull = true) : DeltaType
{
    public override string SimpleString => $"map<{KeyType.SimpleString},{ValueType.SimpleString}>";

    public override string ToDuckDb() => $"MAP({KeyType.ToDuckDb()}, {ValueType.ToDuckDb()})";
}
