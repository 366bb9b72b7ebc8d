using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CloudEdge.Learning.Training;

/// <summary>
/// Shows training on the console: a Spectre.Console progress bar per epoch (loss, accuracy, samples/s, epoch
/// and run ETA) on an interactive terminal; plain lines (one per epoch, plus one every half minute inside
/// long epochs) when the output is redirected.
/// </summary>
public sealed class ConsoleTrainingProgress : ITrainingProgress
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(30);
    private readonly IAnsiConsole _console;
    private readonly string _title;
    private readonly Stopwatch _run = new();
    private readonly Stopwatch _sinceLine = new();
    private ProgressContext? _context;
    private ProgressTask? _task;

    /// <param name="title">Prefix of every line, e.g. <c>pretrain</c> or <c>edge 2 kd</c>.</param>
    /// <param name="console">Console to write to; the process console when null.</param>
    /// <param name="interactive">Force bar (true) or lines (false); null = bar only on an interactive, non-redirected terminal.</param>
    public ConsoleTrainingProgress(string title = "train", IAnsiConsole? console = null, bool? interactive = null)
    {
        _console = console ?? AnsiConsole.Console;
        _title = title;
        Interactive = interactive ?? (!Console.IsOutputRedirected && _console.Profile.Capabilities.Interactive);
    }

    /// <summary>True when a live progress bar is drawn.</summary>
    public bool Interactive { get; }

    public T Run<T>(int epochs, Func<T> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        _run.Restart();
        if (!Interactive)
        {
            return training();
        }

        return _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                try
                {
                    return training();
                }
                finally
                {
                    _context = null;
                    _task = null;
                }
            });
    }

    public void EpochStarted(int epoch, int epochs, int batches)
    {
        _sinceLine.Restart();
        if (_context is not null)
        {
            _task = _context.AddTask(Markup.Escape(Invariant($"{_title} epoch {epoch}/{epochs}")), maxValue: Math.Max(1, batches));
        }
    }

    public void BatchCompleted(int epoch, int batch, int batches, double loss, double accuracy, double samplesPerSecond)
    {
        var text = Invariant($"{_title} epoch {epoch}: loss {loss:F4} acc {accuracy:P1} {samplesPerSecond:F0} samples/s");
        if (_task is not null)
        {
            _task.Value = batch;
            _task.Description = Markup.Escape(text);
        }
        else if (!Interactive && _sinceLine.Elapsed >= LineInterval)
        {
            _sinceLine.Restart();
            WriteLine(Invariant($"{text} (step {batch}/{batches})"));
        }
    }

    public void EpochCompleted(EpochRecord record, int epochs, bool improved)
    {
        ArgumentNullException.ThrowIfNull(record);
        var remaining = TimeSpan.FromSeconds(_run.Elapsed.TotalSeconds / record.Epoch * (epochs - record.Epoch));
        var validation = record.ValAccuracy is { } va ? Invariant($" val loss {record.ValLoss:F4} acc {va:P1}{(improved ? " *" : string.Empty)}") : string.Empty;
        var text = Invariant(
            $"{_title} epoch {record.Epoch}/{epochs}: loss {record.TrainLoss:F4} acc {record.TrainAccuracy:P1}{validation} lr {record.LearningRate:G3} {record.SamplesPerSecond:F0} samples/s {record.Seconds:F1}s ETA {(int)remaining.TotalHours}:{remaining:mm\\:ss}");
        if (_task is not null)
        {
            _task.Value = _task.MaxValue;
            _task.Description = Markup.Escape(text);
            _task.StopTask();
        }
        else
        {
            WriteLine(text);
        }
    }

    /// <summary>Plain lines bypass Spectre's word wrapping so that each stays one line in a log file.</summary>
    private void WriteLine(string text)
    {
        var writer = _console.Profile.Out.Writer;
        writer.WriteLine(text);
        writer.Flush();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
