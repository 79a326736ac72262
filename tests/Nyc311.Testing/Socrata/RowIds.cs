namespace Nyc311.Testing.Socrata;

/// <summary>
/// Made-up Socrata row ids in the portal's shape (<c>row-xxxx.xxxx_xxxx</c>), derived from a seed
/// by FNV-1a, so the same data always gets the same ids and <c>:id</c> order differs from
/// creation order, as on the real portal.
/// </summary>
internal static class RowIds
{
    private const string Alphabet = "23456789abcdefghijkmnpqrstuvwxyz";

    public static string From(string seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in seed)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        Span<char> id = stackalloc char[18];
        "row-".CopyTo(id);
        for (var i = 0; i < 12; i++)
        {
            id[4 + i + (i / 4)] = Alphabet[(int)(hash & 31)];
            hash >>= 5;
        }

        id[8] = '.';
        id[13] = '_';
        return new string(id);
    }
}
