using Microsoft.Extensions.Time.Testing;
using Nyc311.Forecasting.Registry;
using Nyc311.Testing;

namespace Nyc311.Forecasting.Tests.Registry;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempDirectory _folder = new("registry");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 6, 7, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Versions_count_up_and_the_champion_alias_moves_to_the_newest()
    {
        var registry = new ModelRegistry(_folder.Path, _clock);

        registry.FindByAlias("daily", ModelRegistry.ChampionAlias).ShouldBeNull();
        var first = registry.CreateVersion("daily", "file:///tmp/run1/artifacts/model", "run1", new Dictionary<string, string> { ["horizon"] = "28" });
        registry.SetAlias("daily", ModelRegistry.ChampionAlias, first.Version);
        var second = registry.CreateVersion("daily", "file:///tmp/run2/artifacts/model", "run2");
        registry.SetAlias("daily", ModelRegistry.ChampionAlias, second.Version);

        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        var champion = registry.GetByAlias("daily", ModelRegistry.ChampionAlias);
        champion.RunId.ShouldBe("run2");
        champion.Aliases.ShouldBe([ModelRegistry.ChampionAlias]);
        registry.GetVersion("daily", 1).Aliases.ShouldBeEmpty();
        registry.GetVersion("daily", 1).Tags["horizon"].ShouldBe("28");
        registry.Versions("daily").Select(v => v.Version).ShouldBe([1, 2]);
        champion.SourcePath.ShouldBe("/tmp/run2/artifacts/model");
    }

    [Fact]
    public void The_layout_is_MLflow_file_registry_store()
    {
        var registry = new ModelRegistry(_folder.Path, _clock);
        registry.CreateVersion("daily", "file:///tmp/run1/artifacts/model", "run1");
        registry.SetAlias("daily", "champion", 1);

        var model = Path.Combine(_folder.Path, "models", "daily");
        File.ReadAllText(Path.Combine(model, "meta.yaml")).ShouldContain("name: daily\n");
        var version = File.ReadAllText(Path.Combine(model, "version-1", "meta.yaml"));
        version.ShouldContain("version: 1\n");
        version.ShouldContain("current_stage: None\n");
        version.ShouldContain("status: READY\n");
        version.ShouldContain("source: file:///tmp/run1/artifacts/model\n");
        File.ReadAllText(Path.Combine(model, "aliases", "champion")).ShouldBe("1");
    }

    [Fact]
    public void Asking_for_a_missing_champion_says_to_train_first() =>
        Should.Throw<TrackingException>(() => new ModelRegistry(_folder.Path, _clock).GetByAlias("daily", "champion")).Message.ShouldContain("nyc311 train");

    [Fact]
    public void An_alias_must_point_at_an_existing_version() =>
        Should.Throw<TrackingException>(() => new ModelRegistry(_folder.Path, _clock).SetAlias("daily", "champion", 3));
}
