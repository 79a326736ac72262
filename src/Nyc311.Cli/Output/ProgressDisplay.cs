using Nyc311.Ingest;
using Spectre.Console;

namespace Nyc311.Cli.Output;

/// <summary>
/// A progress bar for long work when standard output is a terminal; silent otherwise (scripts,
/// tests), where only the closing summary is printed.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<IProgress<IngestProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new Progress<IngestProgress>(_ => { }));
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                task.IsIndeterminate = true;
                var reporter = new SynchronousProgress(report =>
                {
                    task.Description = Markup.Escape($"{report.Source}: {report.Rows:N0} rows, {report.Pages:N0} pages, {report.Retries} retries, {report.Rejected} rejected"
                        + (report.Retry is { } retry ? $" - retrying in {retry.Delay.TotalSeconds:0.#} s ({retry.Reason})" : ""));
                    if (report.TotalBytes is > 0 && report.BytesRead is { } read)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = report.TotalBytes.Value;
                        task.Value = read;
                    }
                });
                var result = await work(reporter);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder reports).</summary>
    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
