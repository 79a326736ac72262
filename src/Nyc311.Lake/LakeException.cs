namespace Nyc311.Lake;

/// <summary>Base of every error the table layer raises; the message names the table and what went wrong.</summary>
public class LakeException : Exception
{
    public LakeException(string message)
        : base(message)
    {
    }

    public LakeException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>No Delta table exists at a path.</summary>
public sealed class TableNotFoundException : LakeException
{
    private TableNotFoundException(string message)
        : base(message)
    {
    }

    public static TableNotFoundException At(string path) =>
        new($"no Delta table at '{path}' (no _delta_log with a commit)");
}

/// <summary>A table already exists where one was to be created.</summary>
public sealed class TableAlreadyExistsException : LakeException
{
    private TableAlreadyExistsException(string message)
        : base(message)
    {
    }

    public static TableAlreadyExistsException At(string path) =>
        new($"a Delta table already exists at '{path}'");
}

/// <summary>The table needs a protocol version or table feature this layer does not implement.</summary>
public sealed class UnsupportedFeatureException : LakeException
{
    private UnsupportedFeatureException(string message, string feature)
        : base(message) => Feature = feature;

    /// <summary>The feature name (as in the protocol's feature lists) or protocol version that is missing.</summary>
    public string Feature { get; }

    public static UnsupportedFeatureException ReaderFeature(string table, string feature) =>
        new($"table '{table}' needs reader feature '{feature}', which this reader does not support", feature);

    public static UnsupportedFeatureException WriterFeature(string table, string feature) =>
        new($"table '{table}' needs writer feature '{feature}', which this writer does not support", feature);

    public static UnsupportedFeatureException ReaderVersion(string table, int version) =>
        new($"table '{table}' needs reader protocol version {version}; this reader supports up to 3", $"readerVersion={version}");

    public static UnsupportedFeatureException WriterVersion(string table, int version) =>
        new($"table '{table}' needs writer protocol version {version}, whose features this writer does not implement", $"writerVersion={version}");

    public static UnsupportedFeatureException ColumnMapping(string table, string mode) =>
        new($"table '{table}' uses column mapping (mode '{mode}'), which this reader does not support", "columnMapping");
}

/// <summary>The transaction log is unreadable or inconsistent.</summary>
public sealed class CorruptLogException : LakeException
{
    private CorruptLogException(string message, long? version, Exception? inner = null)
        : base(message, inner) => Version = version;

    /// <summary>The log version at fault, when known.</summary>
    public long? Version { get; }

    public static CorruptLogException BadLine(string file, long version, int line, string problem, Exception? inner = null) =>
        new($"corrupt Delta log '{file}' (version {version}), line {line}: {problem}", version, inner);

    public static CorruptLogException MissingVersion(string table, long version) =>
        new($"Delta log of '{table}' has no commit for version {version} (log truncated or vacuumed)", version);

    public static CorruptLogException Invalid(string table, long version, string problem) =>
        new($"Delta log of '{table}' at version {version}: {problem}", version);
}

/// <summary>A concurrent commit changed what this transaction read or wrote; retry on a fresh snapshot.</summary>
public sealed class CommitConflictException : LakeException
{
    private CommitConflictException(string message, long winningVersion)
        : base(message) => WinningVersion = winningVersion;

    /// <summary>The version of the concurrent commit that conflicts.</summary>
    public long WinningVersion { get; }

    public static CommitConflictException Create(string table, string operation, long winningVersion, string reason) =>
        new($"{operation} on '{table}' conflicts with concurrent commit {winningVersion}: {reason}", winningVersion);

    public static CommitConflictException TooManyAttempts(string table, string operation, int attempts, long lastVersion) =>
        new($"{operation} on '{table}' could not commit after {attempts} attempts; the log keeps moving (last version {lastVersion})", lastVersion);
}

/// <summary>Data does not fit the table's schema, or a schema change is not allowed.</summary>
public sealed class SchemaMismatchException : LakeException
{
    private SchemaMismatchException(string message)
        : base(message)
    {
    }

    public static SchemaMismatchException Create(string table, string problem) =>
        new($"schema mismatch writing '{table}': {problem}");
}

/// <summary>An operation's arguments are invalid for this table (unknown column, bad predicate, duplicate merge keys...).</summary>
public sealed class InvalidOperationLakeException : LakeException
{
    private InvalidOperationLakeException(string message)
        : base(message)
    {
    }

    public static InvalidOperationLakeException Create(string table, string operation, string problem) =>
        new($"{operation} on '{table}': {problem}");
}

/// <summary>Time travel asked for a version or timestamp the log cannot serve.</summary>
public sealed class VersionNotFoundException : LakeException
{
    private VersionNotFoundException(string message)
        : base(message)
    {
    }

    public static VersionNotFoundException Version(string table, long version, long earliest, long latest) =>
        new($"table '{table}' has no version {version} (available: {earliest}..{latest})");

    public static VersionNotFoundException Timestamp(string table, DateTimeOffset timestamp, DateTimeOffset earliest) =>
        new($"table '{table}' has no version at or before {timestamp:O} (earliest commit {earliest:O})");
}
