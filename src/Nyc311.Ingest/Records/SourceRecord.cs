namespace Nyc311.Ingest;

/// <summary>
/// One service request exactly as a source delivered it: an ordered map of bronze field name to raw
/// string, in the order the source sent the fields.
/// </summary>
/// <param name="Fields">
/// Field name and raw value, in source order. Names are API names (<c>unique_key</c>,
/// <c>created_date</c>, ...); the Socrata system fields <c>:id</c>, <c>:created_at</c>,
/// <c>:updated_at</c> appear as <c>socrata_id</c>, <c>socrata_created_at</c>,
/// <c>socrata_updated_at</c>. Values are the strings as received (timestamps unparsed); nested
/// JSON values such as <c>location</c> are their JSON text exactly as received; a JSON
/// <c>null</c> or an empty unquoted CSV field is <see langword="null"/>. Fields the source left
/// out are absent.
/// </param>
/// <param name="SourceFile">File name (without folder) for file sources; null for the API.</param>
/// <param name="SourceLine">1-based line where the record starts, for file sources; null for the API.</param>
public sealed record SourceRecord(
    IReadOnlyList<KeyValuePair<string, string?>> Fields,
    string? SourceFile = null,
    long? SourceLine = null)
{
    /// <summary>The raw value of a field, or null when the field is absent or null.</summary>
    public string? GetValueOrDefault(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, name, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the record carries the field (possibly with a null value).</summary>
    public bool Contains(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
