using Nyc311.Pipeline.Sql;
using Snapshooter;
using Snapshooter.Xunit3;

namespace Nyc311.Pipeline.Tests.Sql;

/// <summary>
/// The Spark rendering of every exported statement, pinned as a snapshot: no Spark engine runs here, so a
/// change to the Spark text must be a reviewed change to its snapshot in <c>__snapshots__</c>.
/// </summary>
public sealed class SparkSnapshotTests
{
    public static TheoryData<string> StatementNames => [.. SqlExport.Statements(SqlDialects.Spark).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void The_spark_text_of_each_statement_matches_its_snapshot(string name)
    {
        var statement = SqlExport.Statements(SqlDialects.Spark).Single(s => s.Name == name);

        Snapshot.Match(statement.Text, SnapshotNameExtension.Create(name.Replace('/', '_')));
    }
}
