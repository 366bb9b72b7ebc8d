using System.CommandLine;

namespace CloudEdge.Cli;

/// <summary>
/// Creates options named in kebab-case that also accept the reference system's snake_case spelling
/// (<c>--dataset-type</c> = <c>--dataset_type</c>), so its README commands work unchanged.
/// </summary>
public static class Opt
{
    public static Option<T> Create<T>(string name, string description, T defaultValue, params string[] aliases)
    {
        var option = Bare<T>(name, description, aliases);
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    public static Option<T> Required<T>(string name, string description, params string[] aliases)
    {
        var option = Bare<T>(name, description, aliases);
        option.Required = true;
        return option;
    }

    /// <summary>An option without a default; for value types use the nullable type (<c>Optional&lt;int?&gt;</c>) so "not given" stays null.</summary>
    public static Option<T?> Optional<T>(string name, string description, params string[] aliases)
    {
        if (typeof(T).IsValueType && Nullable.GetUnderlyingType(typeof(T)) is null)
        {
            throw new InvalidOperationException($"{name}: Opt.Optional<{typeof(T).Name}> would read 'not given' as {default(T)}; use Opt.Optional<{typeof(T).Name}?>");
        }

        return Bare<T?>(name, description, aliases);
    }

    /// <summary>Adds a validator that rejects values for which <paramref name="valid"/> is false.</summary>
    public static Option<T> Check<T>(this Option<T> option, Func<T, bool> valid, string requirement)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!valid(value))
            {
                result.AddError($"{option.Name}: {requirement} (got {Format(value)})");
            }
        });
        return option;
    }

    /// <summary>Restricts a string option to a set of values (case-insensitive), with a one-line error naming them.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CompletionSources.Add(values);
        option.Validators.Add(result => CheckOneOf(result, option.Name, result.GetValueOrDefault<string?>(), values));
        return option;
    }

    /// <summary>Restricts an optional string option to a set of values (case-insensitive) when it is given.</summary>
    public static Option<string?> OneOfOrNull(this Option<string?> option, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CompletionSources.Add(values);
        option.Validators.Add(result => CheckOneOf(result, option.Name, result.GetValueOrDefault<string?>(), values));
        return option;
    }

    private static void CheckOneOf(System.CommandLine.Parsing.OptionResult result, string name, string? value, string[] values)
    {
        if (value is not null && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            result.AddError($"{name}: '{value}' is not one of {string.Join(", ", values)}");
        }
    }

    /// <summary>
    /// Parses a comma-separated list of positive integers (e.g. <c>--depth 1,1,1</c>); null or blank gives null.
    /// Throws <see cref="ArgumentException"/> naming <paramref name="option"/> otherwise.
    /// </summary>
    public static int[]? PositiveIntList(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1)
            {
                throw new ArgumentException($"{option}: '{value}' is not a comma-separated list of positive whole numbers");
            }
        }

        return numbers;
    }

    private static Option<T> Bare<T>(string name, string description, string[] aliases)
    {
        var all = new List<string>(aliases);
        var snake = "--" + name.TrimStart('-').Replace('-', '_');
        if (snake != name)
        {
            all.Add(snake);
        }

        return new Option<T>(name, [.. all]) { Description = description };
    }

    private static string Format<T>(T value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable e and not string => string.Join(" ", e.Cast<object>()),
        _ => value.ToString() ?? string.Empty,
    };
}
