using Nyc311.Pipeline.Quality;
using Nyc311.Pipeline.Sql;

namespace Nyc311.Pipeline.Tests.Quality;

public sealed class QualityRulesCatalogTests
{
    [Fact]
    public void Rule_ids_and_names_are_unique_and_well_formed()
    {
        QualityRules.All.Select(r => r.Id).ShouldBeUnique();
        QualityRules.All.Select(r => r.Name).ShouldBeUnique();
        QualityRules.All.ShouldAllBe(r => System.Text.RegularExpressions.Regex.IsMatch(r.Id, "^DQ[0-9]{3}$"));
        QualityRules.All.ShouldAllBe(r => System.Text.RegularExpressions.Regex.IsMatch(r.Name, "^[a-z_]+$"));
        QualityRules.All.ShouldAllBe(r => r.Description.Length > 20);
    }

    [Fact]
    public void Rejecting_rules_come_before_warnings_in_priority()
    {
        var severities = QualityRules.All.Select(r => r.Severity).ToList();

        severities.ShouldBe(severities.OrderBy(s => s == RuleSeverity.Warn ? 1 : 0).ToList());
        QualityRules.All[0].ShouldBe(QualityRules.MissingUniqueKey);
    }

    [Fact]
    public void Every_catalog_rule_has_sql_and_every_rejecting_rule_a_reason()
    {
        var checks = RuleSql.Checks(SqlDialects.DuckDb, new SilverOptions());

        checks.Select(c => c.Rule).ShouldBe(QualityRules.All);
        checks.Where(c => c.Rule.Severity == RuleSeverity.Reject).ShouldAllBe(c => c.Reason != null);
        checks.Where(c => c.Rule.Severity == RuleSeverity.Warn).ShouldAllBe(c => c.Reason == null);
    }

    [Theory]
    [InlineData("dq005", "coordinates_outside_nyc")]
    [InlineData("DQ013", "invalid_incident_zip")]
    public void Rules_are_found_by_id_in_any_case(string id, string name)
    {
        QualityRules.Find(id)!.Name.ShouldBe(name);
    }

    [Fact]
    public void An_unknown_rule_id_finds_nothing()
    {
        QualityRules.Find("DQ999").ShouldBeNull();
    }
}
