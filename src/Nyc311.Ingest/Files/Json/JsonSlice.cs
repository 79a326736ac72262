namespace Nyc311.Ingest.Files.Json;

/// <summary>One top-level value (or array element) found by <see cref="JsonValueScanner"/>.</summary>
/// <param name="Bytes">The value's UTF-8 text; valid only until the scanner's next call.</param>
/// <param name="Line">1-based line where the value starts.</param>
/// <param name="Kind">Whether this is a complete value or a piece that cannot be one.</param>
/// <param name="Problem">Why a piece that is not a complete value was cut out; null for complete values.</param>
internal readonly record struct JsonSlice(ReadOnlyMemory<byte> Bytes, long Line, JsonSliceKind Kind, string? Problem);

/// <summary>What a <see cref="JsonSlice"/> holds.</summary>
internal enum JsonSliceKind
{
    /// <summary>A complete value, still to be parsed.</summary>
    Value,

    /// <summary>Anything that cannot be a value: a cut-off tail, an over-long value, stray characters.</summary>
    Broken,
}
