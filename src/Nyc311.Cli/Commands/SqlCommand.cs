using System.CommandLine;
using Nyc311.Cli.Hosting;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Cli.Commands;

/// <summary><c>nyc311 sql export</c>: the silver and gold statements rendered for DuckDB or Spark SQL (Databricks).</summary>
internal static class SqlCommand
{
    public static Command Build(CliContext context)
    {
        var dialect = new Option<string>("--dialect") { Description = "SQL dialect", DefaultValueFactory = _ => "spark" };
        dialect.AcceptOnlyFromAmong("spark", "duckdb");
        var output = new Option<string?>("--output") { Description = "Write one .sql file per statement into this folder (default: print them)" };
        var export = new Command("export", "Print or write the pipeline's statements in run order, for Databricks SQL tasks or DuckDB") { dialect, output };
        export.SetHandler(context, (parse, _) =>
        {
            var statements = SqlExport.Statements(SqlDialects.Find(parse.GetValue(dialect)!) ?? SqlDialects.Spark);
            if (parse.GetValue(output) is { } folder)
            {
                foreach (var statement in statements)
                {
                    var path = Path.Combine(folder, statement.Name.Replace('/', Path.DirectorySeparatorChar) + ".sql");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, $"-- {statement.Description}\n{statement.Text}\n");
                }

                context.Output.WriteLine($"wrote {statements.Count} statements to {Path.GetFullPath(folder)}");
                return ExitCodes.Success;
            }

            foreach (var statement in statements)
            {
                context.Output.WriteLine($"-- {statement.Name}{(statement.Target is null ? "" : $" -> {statement.Target}")}: {statement.Description}");
                context.Output.WriteLine(statement.Text.TrimEnd() + ";");
                context.Output.WriteLine();
            }

            return ExitCodes.Success;
        });
        return new Command("sql", "The pipeline's SQL, portable between DuckDB and Spark") { export };
    }
}
