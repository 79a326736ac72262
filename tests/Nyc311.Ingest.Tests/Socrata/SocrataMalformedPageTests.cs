using Nyc311.Ingest.Tests.Support;
using Nyc311.Testing.Socrata;

namespace Nyc311.Ingest.Tests.Socrata;

public sealed class SocrataMalformedPageTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public async Task A_truncated_page_is_fetched_again_and_read_whole()
    {
        await using var harness = await SocrataHarness.StartAsync();
        var dataset = harness.Server.Dataset("erm2-nwe9");
        dataset.Add(new SocrataGeneratedRecords(15));
        harness.Server.Faults.At(2, SocrataFault.TruncatedJson());

        var batches = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).ToListAsync();

        batches.Select(b => (b.Records.Count, b.Retries)).ShouldBe([(10, 0), (5, 1)]);
        batches.UniqueKeys().ShouldBe(dataset.UniqueKeys, ignoreOrder: true);
    }

    [Fact]
    public async Task A_page_truncated_on_every_attempt_fails_the_run_naming_dataset_offset_and_problem()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(25));
        for (var request = 2; request <= 5; request++)
        {
            harness.Server.Faults.At(request, SocrataFault.TruncatedJson());
        }

        var (batches, error) = await harness.Client().ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        batches.ShouldHaveSingleItem().Records.Count.ShouldBe(10);
        var malformed = error.ShouldBeOfType<MalformedPageException>();
        malformed.Dataset.ShouldBe("erm2-nwe9");
        malformed.Offset.ShouldBe(10);
        malformed.Attempts.ShouldBe(4);
        malformed.Problem.ShouldStartWith("invalid JSON at byte");
        malformed.Message.ShouldStartWith("Socrata dataset erm2-nwe9 returned a malformed page at offset 10 after 4 attempts: invalid JSON at byte");
        harness.Server.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task An_object_instead_of_an_array_is_a_malformed_page()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.NotAnArray());

        var (_, error) = await harness.Client(o => o.MaxRetries = 0).ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        error.ShouldBeOfType<MalformedPageException>().Problem.ShouldBe("the response is an object, not a JSON array");
    }

    [Fact]
    public async Task A_record_that_is_not_an_object_is_a_malformed_page()
    {
        await using var harness = await SocrataHarness.StartAsync();
        harness.Server.Dataset("erm2-nwe9").Add(new SocrataGeneratedRecords(5));
        harness.Server.Faults.Enqueue(SocrataFault.RecordNotAnObject());

        var (_, error) = await harness.Client(o => o.MaxRetries = 0).ReadBackfillAsync(Day, Day.AddDays(1), cancellationToken: TestContext.Current.CancellationToken).UntilFailureAsync();

        var malformed = error.ShouldBeOfType<MalformedPageException>();
        malformed.Problem.ShouldBe("record 1 is a number, not an object");
        malformed.Attempts.ShouldBe(1);
    }
}
