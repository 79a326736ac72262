using System.Text.Json.Nodes;
using Nyc311.Lake.Schema;
using Nyc311.Lake.Tests.Support;

namespace Nyc311.Lake.Tests.Conformance;

/// <summary>The validator reports each kind of broken rule it claims to check (on copies of a valid table, corrupted one way each).</summary>
public sealed class DeltaLogValidatorTests : IDisposable
{
    private static readonly StructType Schema = new(
        new StructField("id", DeltaType.Long, Nullable: false),
        new StructField("at", DeltaType.TimestampNtz),
        new StructField("kind", DeltaType.String));

    private readonly LakeFixture _lake = new();
    private readonly DeltaLogValidator _validator = new(ValidationLevel.OwnWriter);
    private readonly DeltaTable _table;

    public DeltaLogValidatorTests()
    {
        _table = _lake.Create("t", Schema, "kind");
        for (var i = 0; i < 3; i++)
        {
            _lake.Clock.Advance(TimeSpan.FromSeconds(1));
            _table.Append(_lake.Db, $"SELECT (range + {i * 10}) AS id, TIMESTAMP '2022-05-01 10:00:00' + to_seconds(range) AS at, ['a', 'b'][1 + range % 2] AS kind FROM range(5)");
        }
    }

    public void Dispose()
    {
        _validator.Dispose();
        _lake.Dispose();
    }

    private string Log(string name) => Path.Combine(_table.Path, "_delta_log", name);

    private string Commit(long version) => Log($"{version:D20}.json");

    /// <summary>Rewrites a commit action by action; <paramref name="change"/> returns whether it changed the action.</summary>
    private void EditActions(long version, Func<string, JsonObject, bool> change) => EditLines(version, lines =>
    {
        var changed = false;
        foreach (var line in lines)
        {
            foreach (var (kind, body) in line)
            {
                changed |= change(kind, body!.AsObject());
            }
        }

        return changed;
    });

    private void EditLines(long version, Func<List<JsonObject>, bool> change)
    {
        var lines = File.ReadAllLines(Commit(version)).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        change(lines).ShouldBeTrue("the corruption must change the commit");
        File.WriteAllText(Commit(version), string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n");
    }

    /// <summary>Rewrites the stats of every add of a commit.</summary>
    private void EditStats(long version, Action<JsonObject> change) => EditActions(version, (kind, body) =>
    {
        if (kind != "add")
        {
            return false;
        }

        var stats = JsonNode.Parse(body["stats"]!.GetValue<string>())!.AsObject();
        change(stats);
        body["stats"] = stats.ToJsonString();
        return true;
    });

    private IEnumerable<string> Rules() => _validator.Validate(_table.Path).Select(v => v.Rule);

    [Fact]
    public void The_uncorrupted_table_conforms()
    {
        _validator.Validate(_table.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_wrong_record_count_is_caught_against_the_data_file()
    {
        EditStats(2, stats => stats["numRecords"] = stats["numRecords"]!.GetValue<long>() + 1);

        Rules().ShouldContain("stats.num-records-match-data");
    }

    [Fact]
    public void A_minimum_above_the_data_is_caught()
    {
        EditStats(1, stats => stats["minValues"]!["id"] = stats["minValues"]!["id"]!.GetValue<long>() + 1);

        Rules().ShouldContain("stats.bounds-hold");
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_caught()
    {
        EditStats(1, stats => stats["minValues"]!["id"] = 1000);

        Rules().ShouldContain("stats.min-not-above-max");
    }

    [Fact]
    public void Stats_on_a_partition_column_are_caught()
    {
        EditStats(1, stats => stats["nullCount"]!["kind"] = 0);

        Rules().ShouldContain("stats.no-partition-columns");
    }

    [Fact]
    public void A_timestamp_stat_in_the_partition_value_format_is_caught()
    {
        EditStats(1, stats => stats["minValues"]!["at"] = "2022-05-01 10:00:00");

        Rules().ShouldContain("stats.value-type");
    }

    [Fact]
    public void Two_actions_on_one_line_are_caught()
    {
        EditLines(1, lines =>
        {
            lines[0]["add"] = lines[1]["add"]!.DeepClone();
            lines.RemoveAt(1);
            return true;
        });

        Rules().ShouldContain("commit.one-action-per-line");
    }

    [Fact]
    public void A_file_added_twice_in_one_commit_is_caught()
    {
        EditLines(1, lines =>
        {
            lines.Add(lines.First(l => l.ContainsKey("add")).DeepClone().AsObject());
            return true;
        });

        Rules().ShouldContain("commit.unique-add-path");
    }

    [Fact]
    public void A_missing_version_and_a_short_version_name_are_caught()
    {
        File.Move(Commit(2), Log("2.json"));

        Rules().ShouldContain("log.contiguous");
        Rules().ShouldContain("log.version-file-name");
    }

    [Fact]
    public void A_missing_partition_value_is_caught()
    {
        EditActions(1, (kind, body) => kind == "add" && body.Remove("partitionValues") && body.TryAdd("partitionValues", new JsonObject()));

        Rules().ShouldContain("add.partition-values");
    }

    [Fact]
    public void A_timestamp_ntz_column_without_its_feature_is_caught()
    {
        EditActions(0, (kind, body) => kind == "protocol" && body.Remove("readerFeatures") && body.TryAdd("readerFeatures", new JsonArray()));

        Rules().ShouldContain("protocol.timestamp-ntz-feature");
    }

    [Fact]
    public void Reader_version_3_without_reader_features_is_caught()
    {
        EditActions(0, (kind, body) => kind == "protocol" && body.Remove("readerFeatures"));

        Rules().ShouldContain("protocol.reader-features-listed");
    }

    [Fact]
    public void An_in_commit_timestamp_that_goes_back_is_caught()
    {
        EditActions(3, (kind, body) => kind == "commitInfo" && body.Remove("inCommitTimestamp") && body.TryAdd("inCommitTimestamp", 1));

        Rules().ShouldContain("ict.increasing");
    }

    [Fact]
    public void An_unencoded_path_is_caught()
    {
        EditActions(1, (kind, body) =>
        {
            if (kind != "add")
            {
                return false;
            }

            body["path"] = body["path"]!.GetValue<string>().Replace("kind=", "kind ", StringComparison.Ordinal);
            return true;
        });

        Rules().ShouldContain("add.path-is-uri");
    }

    [Fact]
    public void A_wrong_last_checkpoint_size_is_caught()
    {
        for (var i = 0; i < 7; i++)
        {
            _table.Append(_lake.Db, $"SELECT {100 + i} AS id, NULL::TIMESTAMP AS at, 'c' AS kind");
        }

        File.Exists(Log("00000000000000000010.checkpoint.parquet")).ShouldBeTrue();
        _validator.Validate(_table.Path).ShouldBeEmpty();
        var last = JsonNode.Parse(File.ReadAllText(Log("_last_checkpoint")))!.AsObject();
        last["size"] = last["size"]!.GetValue<long>() + 1;
        File.WriteAllText(Log("_last_checkpoint"), last.ToJsonString());

        Rules().ShouldContain("last-checkpoint.size");
    }
}
