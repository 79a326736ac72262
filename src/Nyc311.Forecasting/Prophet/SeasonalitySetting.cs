using System.Globalization;

namespace Nyc311.Forecasting.Prophet;

/// <summary>
/// A built-in seasonality's switch, as Prophet's <c>yearly_seasonality</c>, <c>weekly_seasonality</c> and
/// <c>daily_seasonality</c> arguments: <c>auto</c>, <c>true</c> (default Fourier order), <c>false</c> or a Fourier order.
/// </summary>
public readonly record struct SeasonalitySetting
{
    private SeasonalitySetting(SeasonalitySettingKind kind, int order)
    {
        Kind = kind;
        Order = order;
    }

    /// <summary>On when the history is long and dense enough (Prophet's <c>'auto'</c>).</summary>
    public static SeasonalitySetting Auto => new(SeasonalitySettingKind.Auto, 0);

    /// <summary>Always on, with the default Fourier order.</summary>
    public static SeasonalitySetting Enabled => new(SeasonalitySettingKind.Enabled, 0);

    /// <summary>Always off.</summary>
    public static SeasonalitySetting Disabled => new(SeasonalitySettingKind.Disabled, 0);

    /// <summary>Which of the four settings this is.</summary>
    public SeasonalitySettingKind Kind { get; }

    /// <summary>The Fourier order when <see cref="Kind"/> is <see cref="SeasonalitySettingKind.Order"/>; 0 otherwise.</summary>
    public int Order { get; }

    /// <summary>Always on with this Fourier order (0 switches the seasonality off, as in Prophet).</summary>
    public static SeasonalitySetting WithOrder(int order)
    {
        if (order < 0)
        {
            throw ForecastOptionsException.OutOfRange("seasonality", order, "the Fourier order must be 0 or more");
        }

        return new SeasonalitySetting(SeasonalitySettingKind.Order, order);
    }

    /// <summary>Parses <c>auto</c>, <c>true</c>, <c>false</c> or a non-negative integer order.</summary>
    /// <param name="text">The text to parse (case-insensitive).</param>
    /// <param name="option">The option name used in the error message.</param>
    public static SeasonalitySetting Parse(string text, string option = "seasonality")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return Enabled;
        }

        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return Disabled;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
        {
            return WithOrder(order);
        }

        throw ForecastOptionsException.Unrecognized(option, text, "auto, true, false or a Fourier order");
    }

    /// <summary>The Fourier order to use, or 0 when off (Prophet's <c>parse_seasonality_args</c>).</summary>
    internal int ResolveOrder(bool autoDisable, int defaultOrder, bool customWithSameName) => Kind switch
    {
        SeasonalitySettingKind.Auto => customWithSameName || autoDisable ? 0 : defaultOrder,
        SeasonalitySettingKind.Enabled => defaultOrder,
        SeasonalitySettingKind.Disabled => 0,
        _ => Order,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SeasonalitySettingKind.Auto => "auto",
        SeasonalitySettingKind.Enabled => "true",
        SeasonalitySettingKind.Disabled => "false",
        _ => Order.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The kinds of <see cref="SeasonalitySetting"/>.</summary>
public enum SeasonalitySettingKind
{
    /// <summary>Decided from the history.</summary>
    Auto,

    /// <summary>On with the default order.</summary>
    Enabled,

    /// <summary>Off.</summary>
    Disabled,

    /// <summary>On with an explicit order.</summary>
    Order,
}
