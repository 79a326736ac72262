using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nyc311.Forecasting.Tracking;

/// <summary>
/// The flat YAML of MLflow's <c>meta.yaml</c> files: one <c>key: scalar</c> per line (strings quoted when a
/// plain scalar would be read as something else), and <c>[]</c> for empty lists.
/// </summary>
internal static partial class MiniYaml
{
    public static string Write(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads the <c>key: scalar</c> lines (quotes removed, <c>null</c> and <c>~</c> as null); other lines are skipped.</summary>
    public static Dictionary<string, string?> Read(string text)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (line.StartsWith(' ') || line.StartsWith('-') || colon <= 0)
            {
                continue;
            }

            var raw = line[(colon + 2)..].Trim();
            values[line[..colon]] = raw switch
            {
                "null" or "~" or "" => null,
                _ when raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'' => raw[1..^1].Replace("''", "'", StringComparison.Ordinal),
                _ when raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' => raw[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal),
                _ => raw,
            };
        }

        return values;
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable and not string => "[]",
        string s when Plain().IsMatch(s) && !Reserved(s) => s,
        _ => "'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    private static bool Reserved(string s) =>
        s is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "True" or "False" or "Null" or "~"
        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*$")]
    private static partial Regex Plain();
}
