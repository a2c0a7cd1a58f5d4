using System.Globalization;
using PostGuard.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PostGuard.Rules.Loading;

/// <summary>
/// Reads YAML nodes strictly, recording every problem as a <see cref="ConfigurationDiagnostic"/> with the node's
/// file, line and column (taken from the parser's marks, never recovered by searching the text).
/// </summary>
internal sealed class YamlReader
{
    /// <summary>Largest YAML file accepted.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Most nodes one file may have (aliases count each time they are used).</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    private readonly List<ConfigurationDiagnostic> _diagnostics;

    public YamlReader(string file, List<ConfigurationDiagnostic> diagnostics)
    {
        File = file;
        _diagnostics = diagnostics;
    }

    public string File { get; }

    /// <summary>The rule the nodes belong to, named in diagnostics.</summary>
    public string? RuleId { get; set; }

    public int ErrorCount => _diagnostics.Count;

    /// <summary>Parses one YAML document; null (with a diagnostic) when it is not well formed or too complex.</summary>
    public YamlNode? Parse(string text)
    {
        if (text.Length > MaxFileBytes)
        {
            Error(DiagnosticCodes.FileTooLarge, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB", 0, 0);
            return null;
        }

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            // YamlStream.Load builds nodes recursively: measure the nesting from the event stream first, so a file of
            // 100,000 '[' is an error instead of a stack overflow that would take the whole process down
            if (NestingTooDeep(text) is { } tooDeep)
            {
                Error(DiagnosticCodes.TooComplex, $"the YAML nests deeper than {MaxDepth} levels", (int)tooDeep.Line, (int)tooDeep.Column);
                return null;
            }

            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            string message = ex.InnerException?.Message ?? ex.Message;
            message = StripMarkPrefix(message);
            string code = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || message.Contains("same key", StringComparison.OrdinalIgnoreCase)
                ? DiagnosticCodes.DuplicateKey
                : DiagnosticCodes.YamlSyntax;
            if (code == DiagnosticCodes.DuplicateKey)
            {
                message = "a key appears twice in the same mapping";
            }

            Error(code, code == DiagnosticCodes.DuplicateKey ? message : $"YAML syntax: {message}", (int)ex.Start.Line, (int)ex.Start.Column);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // the scanner gave up without a YamlException; the last event it read marks the place
            var mark = parser.Current?.End ?? Mark.Empty;
            Error(DiagnosticCodes.YamlSyntax, "YAML syntax: the document is malformed after this point (an unclosed bracket or quote?)", (int)mark.Line, (int)mark.Column);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(DiagnosticCodes.YamlSyntax, "a file holds one YAML document; found more than one", 0, 0);
            return null;
        }

        var root = stream.Documents[0].RootNode;
        int nodes = 0;
        if (!CheckComplexity(root, 0, ref nodes))
        {
            return null;
        }

        return root;
    }

    /// <summary>The place where the document first nests deeper than <see cref="MaxDepth"/>, read from the parser's events without building nodes.</summary>
    private static Mark? NestingTooDeep(string text)
    {
        var events = new Parser(new StringReader(text));
        int depth = 0;
        while (true)
        {
            try
            {
                if (!events.MoveNext())
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                return null; // a syntax error: building the nodes reports it with its place, as before
            }

            switch (events.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                    if (++depth > MaxDepth)
                    {
                        return events.Current.Start;
                    }

                    break;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private bool CheckComplexity(YamlNode node, int depth, ref int nodes)
    {
        if (++nodes > MaxNodes)
        {
            Error(DiagnosticCodes.TooComplex, $"the file has more than {MaxNodes} YAML nodes (counting each use of an alias); is it an alias bomb?", node);
            return false;
        }

        if (depth > MaxDepth)
        {
            Error(DiagnosticCodes.TooComplex, $"the YAML nests deeper than {MaxDepth} levels", node);
            return false;
        }

        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    if (!CheckComplexity(k, depth + 1, ref nodes) || !CheckComplexity(v, depth + 1, ref nodes))
                    {
                        return false;
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children)
                {
                    if (!CheckComplexity(child, depth + 1, ref nodes))
                    {
                        return false;
                    }
                }

                break;
        }

        return true;
    }

    private static string StripMarkPrefix(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
    }

    public void Error(string code, string message, YamlNode? node, string? path = null)
        => Error(code, message, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, path);

    public void Error(string code, string message, int line, int column, string? path = null)
        => _diagnostics.Add(new ConfigurationDiagnostic(code, message, File, line, column, RuleId, path));

    public YamlMappingNode? AsMapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        if (node is not null)
        {
            Error(DiagnosticCodes.WrongType, $"'{what}' must be a mapping (key: value lines), found {Describe(node)}", node, what);
        }

        return null;
    }

    /// <summary>Reports every key of <paramref name="map"/> not in <paramref name="allowed"/>, with a suggestion.</summary>
    public void CheckKeys(YamlMappingNode map, IReadOnlyList<string> allowed, string? where = null)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Error(DiagnosticCodes.WrongType, "keys must be plain names", key);
                continue;
            }

            if (!allowed.Contains(name))
            {
                string? close = Closest(name, allowed);
                string hint = close is not null ? $" — did you mean '{close}'?" : $"; allowed keys: {string.Join(", ", allowed)}";
                Error(DiagnosticCodes.UnknownKey, $"unknown key '{name}'{(where is null ? string.Empty : $" in {where}")}{hint}", key, name);
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode? KeyNode(YamlMappingNode map, string key)
    {
        foreach (var k in map.Children.Keys)
        {
            if (k is YamlScalarNode { Value: { } v } && v == key)
            {
                return k;
            }
        }

        return null;
    }

    public string? String(YamlMappingNode map, string key, bool required, string? path = null)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(DiagnosticCodes.MissingKey, $"missing required key '{key}'", map, path ?? key);
            }

            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            var value = scalar.Value ?? string.Empty;
            if (required && value.Trim().Length == 0)
            {
                Error(DiagnosticCodes.MissingKey, $"'{key}' must not be empty", node, path ?? key);
                return null;
            }

            return value;
        }

        Error(DiagnosticCodes.WrongType, $"'{key}' must be a text value, found {Describe(node)}", node, path ?? key);
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out bool b))
        {
            return b;
        }

        if (node is YamlScalarNode { Value: "yes" or "on" })
        {
            return true;
        }

        if (node is YamlScalarNode { Value: "no" or "off" })
        {
            return false;
        }

        Error(DiagnosticCodes.WrongType, $"'{key}' must be true or false, found {Describe(node)}", node, key);
        return null;
    }

    public int? Int(YamlMappingNode map, string key, int min, int max)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i))
        {
            if (i < min || i > max)
            {
                Error(DiagnosticCodes.InvalidNumber, $"'{key}' must be between {min} and {max} (found {i})", node, key);
                return null;
            }

            return i;
        }

        Error(DiagnosticCodes.InvalidNumber, $"'{key}' must be a whole number, found {Describe(node)}", node, key);
        return null;
    }

    public T? Enum<T>(YamlMappingNode map, string key, bool required, IReadOnlyDictionary<string, T> values, string? path = null)
        where T : struct
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(DiagnosticCodes.MissingKey, $"missing required key '{key}'", map, path ?? key);
            }

            return null;
        }

        return EnumValue(node, key, values, path);
    }

    public T? EnumValue<T>(YamlNode node, string key, IReadOnlyDictionary<string, T> values, string? path = null)
        where T : struct
    {
        if (node is YamlScalarNode { Value: { } v } && values.TryGetValue(v, out var value))
        {
            return value;
        }

        string found = node is YamlScalarNode s ? $"'{s.Value}'" : Describe(node);
        Error(DiagnosticCodes.InvalidValue, $"'{key}' must be one of {string.Join(", ", values.Keys)} (found {found})", node, path ?? key);
        return null;
    }

    /// <summary>A list of strings; a single string is accepted as a list of one.</summary>
    public List<string>? StringList(YamlMappingNode map, string key, string? path = null)
    {
        var node = Get(map, key);
        return node is null ? null : StringList(node, path ?? key);
    }

    public List<string>? StringList(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } single })
        {
            return [single];
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(DiagnosticCodes.WrongType, $"'{path}' must be a list, found {Describe(node)}", node, path);
            return null;
        }

        var list = new List<string>(seq.Children.Count);
        for (int i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is YamlScalarNode { Value: { } v })
            {
                list.Add(v);
            }
            else
            {
                Error(DiagnosticCodes.WrongType, $"'{path}[{i}]' must be a text value, found {Describe(seq.Children[i])}", seq.Children[i], $"{path}[{i}]");
            }
        }

        return list;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var v } => $"'{v}'",
        _ => "an alias",
    };

    /// <summary>The allowed name closest to <paramref name="name"/> (edit distance at most 2, or a prefix), if any.</summary>
    public static string? Closest(string name, IEnumerable<string> allowed)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            int d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
