// Usage: Nyc311.Lake.TestWriter <table> append <writerId> <commits> <rowsPerCommit>
//        Nyc311.Lake.TestWriter <table> hang-before-commit <writerId>
// "append" appends rows (writer, sequence) commit by commit; "hang-before-commit" writes data
// files, prints "files-written", then waits to be killed before it can commit.
using System.Globalization;
using Nyc311.Lake;
using Nyc311.Lake.Sql;

var path = args[0];
var mode = args[1];
var writer = int.Parse(args[2], CultureInfo.InvariantCulture);
var table = DeltaTable.Open(path);
using var db = LakeDuckDb.Open(threads: 1);

if (mode == "append")
{
    var commits = int.Parse(args[3], CultureInfo.InvariantCulture);
    var rows = int.Parse(args[4], CultureInfo.InvariantCulture);
    for (var c = 0; c < commits; c++)
    {
        table.Append(db, $"SELECT {writer} AS writer, {c} * {rows} + i AS seq FROM range(0, {rows}) r(i)");
    }

    Console.WriteLine("done");
    return 0;
}

if (mode == "hang-before-commit")
{
    table.BeforeCommit = _ =>
    {
        Console.WriteLine("files-written");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    };
    table.Append(db, $"SELECT {writer} AS writer, i AS seq FROM range(0, 1000) r(i)");
    return 0;
}

Console.Error.WriteLine($"unknown mode '{mode}'");
return 2;
