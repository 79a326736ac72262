using Nyc311.Ingest.Text;

namespace Nyc311.Ingest.Files.Csv;

/// <summary>Splits the text of one complete RFC 4180 record into field values.</summary>
internal static class CsvFieldSplitter
{
    /// <summary>
    /// Fills <paramref name="fields"/> with the record's values: a quoted field without its quotes
    /// and with doubled quotes undone (an empty quoted field is <c>""</c>), an empty unquoted field
    /// as null. Values come from <paramref name="pools"/> (one per column) where there is one.
    /// Returns null on success, or the problem with the record.
    /// </summary>
    public static string? Split(string text, List<string?> fields, IReadOnlyList<ValuePool>? pools = null)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                var (value, next, problem) = ReadQuoted(text, i, fields.Count + 1, Pool(pools, fields.Count));
                if (problem is not null)
                {
                    return problem;
                }

                fields.Add(value);
                if (next == text.Length)
                {
                    return null;
                }

                if (text[next] != ',')
                {
                    return $"unexpected character '{text[next]}' after the closing quote of field {fields.Count}";
                }

                i = next + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                var raw = text.AsSpan(i, end - i);
                if (raw.Contains('"'))
                {
                    return $"field {fields.Count + 1} contains a quote but is not quoted";
                }

                fields.Add(raw.IsEmpty ? null : Pool(pools, fields.Count) is { } pool ? pool.Get(raw) : raw.ToString());
                if (comma < 0)
                {
                    return null;
                }

                i = comma + 1;
            }
        }
    }

    private static ValuePool? Pool(IReadOnlyList<ValuePool>? pools, int column) =>
        pools is not null && column < pools.Count ? pools[column] : null;

    private static (string? Value, int Next, string? Problem) ReadQuoted(string text, int open, int fieldNumber, ValuePool? pool)
    {
        var from = open + 1;
        var close = text.IndexOf('"', from);
        if (close < 0)
        {
            return (null, 0, $"field {fieldNumber} has no closing quote");
        }

        if (close + 1 >= text.Length || text[close + 1] != '"')
        {
            var span = text.AsSpan(from, close - from);
            return (pool is not null ? pool.Get(span) : span.ToString(), close + 1, null);
        }

        // Doubled quotes inside: build the value piece by piece.
        var value = new System.Text.StringBuilder();
        while (true)
        {
            close = text.IndexOf('"', from);
            if (close < 0)
            {
                return (null, 0, $"field {fieldNumber} has no closing quote");
            }

            value.Append(text, from, close - from);
            if (close + 1 < text.Length && text[close + 1] == '"')
            {
                value.Append('"');
                from = close + 2;
                continue;
            }

            return (value.ToString(), close + 1, null);
        }
    }
}
