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

    public static Option<T?> Optional<T>(string name, string description, params string[] aliases)
        => Bare<T?>(name, description, aliases);

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
