using System.Text;

namespace Nyc311.Ingest.Socrata;

/// <summary>One SoQL query paged through with <c>$limit</c> and <c>$offset</c>.</summary>
/// <param name="Dataset">The dataset id.</param>
/// <param name="Where">The <c>$where</c> clause.</param>
internal sealed record SocrataQuery(string Dataset, string Where)
{
    /// <summary>The request URL of one page.</summary>
    public Uri PageUri(Uri baseUrl, long offset, int limit)
    {
        var url = new StringBuilder(baseUrl.AbsoluteUri.TrimEnd('/'))
            .Append("/resource/").Append(Uri.EscapeDataString(Dataset)).Append(".json")
            .Append("?$select=").Append(Uri.EscapeDataString(SoqlText.SelectAll))
            .Append("&$where=").Append(Uri.EscapeDataString(Where))
            .Append("&$order=").Append(Uri.EscapeDataString(SoqlText.StableOrder))
            .Append("&$limit=").Append(limit)
            .Append("&$offset=").Append(offset);
        return new Uri(url.ToString());
    }
}
