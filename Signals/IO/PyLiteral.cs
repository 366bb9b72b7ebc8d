using System.Globalization;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Parses the small subset of Python literals that .npy headers use: dicts, strings, integers
/// (with Python 2's optional <c>L</c> suffix), <c>True</c>/<c>False</c>/<c>None</c>, tuples and lists.
/// Tuples and lists come back as <see cref="List{T}"/>, dicts as <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
internal sealed class PyLiteral
{
    private readonly string _text;
    private int _pos;

    private PyLiteral(string text) => _text = text;

    /// <summary>Parses one literal; throws <see cref="FormatException"/> on anything else.</summary>
    public static object? Parse(string text)
    {
        var parser = new PyLiteral(text);
        var value = parser.Value();
        parser.SkipSpace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected text after the literal");
        }

        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end");
        }

        var c = _text[_pos];
        return c switch
        {
            '{' => Dict(),
            '(' => Sequence(')'),
            '[' => Sequence(']'),
            '\'' or '"' => Str(),
            _ when c == '-' || char.IsAsciiDigit(c) => Int(),
            _ => Word(),
        };
    }

    private Dictionary<string, object?> Dict()
    {
        _pos++;
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return dict;
            }

            if (Value() is not string key)
            {
                throw Error("dict keys must be strings");
            }

            SkipSpace();
            Expect(':');
            dict[key] = Value();
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}'");
            }
        }
    }

    private List<object?> Sequence(char close)
    {
        _pos++;
        var items = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Peek() == close)
            {
                _pos++;
                return items;
            }

            items.Add(Value());
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != close)
            {
                throw Error($"expected ',' or '{close}'");
            }
        }
    }

    private string Str()
    {
        var quote = _text[_pos++];
        var sb = new System.Text.StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length)
            {
                c = _text[_pos++];
                c = c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => c };
            }

            sb.Append(c);
        }

        Expect(quote);
        return sb.ToString();
    }

    private long Int()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        var digits = _text[start.._pos];
        if (Peek() is 'L' or 'l')
        {
            _pos++;
        }

        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"bad integer '{digits}'");
    }

    private object? Word()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            var w => throw Error($"unexpected '{(w.Length > 0 ? w : _text[start].ToString())}'"),
        };
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _pos++;
    }

    private FormatException Error(string what) => new($"{what} at position {_pos} of header {_text.Trim()}");
}
