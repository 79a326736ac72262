using System.Text.RegularExpressions;

namespace Nyc311.Forecasting.Tracking;

/// <summary>MLflow's rules for keys of parameters, metrics and tags, and its run ids.</summary>
public static partial class MlflowNames
{
    /// <summary>
    /// A key MLflow accepts: letters, digits, <c>_ - . / </c> and spaces, with no <c>..</c> and no leading slash;
    /// other characters become <c>_</c>.
    /// </summary>
    public static string Key(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var cleaned = Invalid().Replace(key, "_").Replace("..", "_", StringComparison.Ordinal).TrimStart('/');
        return cleaned.Length == 0 ? "_" : cleaned;
    }

    /// <summary>A new run id: 32 lowercase hexadecimal characters (a random UUID, as MLflow makes them).</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"[^A-Za-z0-9_\-. /]")]
    private static partial Regex Invalid();
}
