namespace Nyc311.Testing.Socrata.Soql;

/// <summary>Compiles <c>$order</c>: fields separated by commas, each optionally <c>ASC</c> or <c>DESC</c>. Nulls sort first.</summary>
internal static class SoqlOrder
{
    public static Comparison<SocrataTestRecord>? Compile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var keys = new List<(string Field, bool Descending)>();
        foreach (var part in text.Split(','))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is 0 or > 2 || (words.Length == 2 && !words[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) && !words[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
            {
                throw new SoqlException($"cannot order by '{part.Trim()}'");
            }

            keys.Add((words[0].Trim('`'), words.Length == 2 && words[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)));
        }

        return (a, b) =>
        {
            foreach (var (field, descending) in keys)
            {
                var (x, y) = (a.Value(field), b.Value(field));
                var order = x.IsNull || y.IsNull ? x.IsNull.CompareTo(y.IsNull) * -1 : SoqlValue.Compare(x, y);
                if (order != 0)
                {
                    return descending ? -order : order;
                }
            }

            return 0;
        };
    }
}
