namespace Nyc311.Simulation;

/// <summary>The base of every error the simulator reports.</summary>
public abstract class SimulationException : Exception
{
    private protected SimulationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The requested range lies partly outside the real daily totals the simulator is calibrated on.</summary>
    internal static SimulationRangeException RangeOutsideCalibration(DateOnly from, DateOnly to, DateOnly first, DateOnly last) =>
        new($"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is outside the calibrated days {first:yyyy-MM-dd}..{last:yyyy-MM-dd}.");

    /// <summary>The range ends before it starts.</summary>
    internal static SimulationRangeException EmptyRange(DateOnly from, DateOnly to) =>
        new($"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ends before it starts.");

    /// <summary>An option has a value the simulator cannot use.</summary>
    internal static SimulationOptionsException InvalidOption(string option, string reason) =>
        new($"Simulator option {option}: {reason}");

    /// <summary>An embedded calibration or model table is malformed (a build defect, never user input).</summary>
    internal static CalibrationDataException CorruptTable(string resource, int line, string reason) =>
        new($"Embedded table {resource}, line {line}: {reason}", resource, line);

    /// <summary>An output file could not be written.</summary>
    internal static SimulationOutputException CannotWrite(string path, Exception inner) =>
        new($"Cannot write {path}: {inner.Message}", path, inner);
}

/// <summary>A date range the simulator cannot produce.</summary>
public sealed class SimulationRangeException : SimulationException
{
    internal SimulationRangeException(string message)
        : base(message)
    {
    }
}

/// <summary>An invalid simulator option.</summary>
public sealed class SimulationOptionsException : SimulationException
{
    internal SimulationOptionsException(string message)
        : base(message)
    {
    }
}

/// <summary>A malformed embedded table, with the resource and 1-based line.</summary>
public sealed class CalibrationDataException : SimulationException
{
    internal CalibrationDataException(string message, string resource, int line)
        : base(message)
    {
        Resource = resource;
        Line = line;
    }

    /// <summary>The embedded resource path, for example <c>model/complaint_types.tsv</c>.</summary>
    public string Resource { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }
}

/// <summary>A failure writing simulated files.</summary>
public sealed class SimulationOutputException : SimulationException
{
    internal SimulationOutputException(string message, string path, Exception inner)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The file that could not be written.</summary>
    public string Path { get; }
}
