namespace Nyc311.Cli.Output;

/// <summary>How rows are printed: an aligned table for people, CSV or JSON for programs.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}
