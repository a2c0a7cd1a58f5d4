using YamlDotNet.RepresentationModel;

namespace PostGuard.Cli.Input;

/// <summary>
/// Which CSV column holds which draft field. The default is Hootsuite's bulk composer layout: column 1 the date and
/// time (<c>dd/mm/yyyy hh:mm</c>, UK order), column 2 the message, column 3 an optional link, column 4 an optional
/// image URL, with or without a header row. Other schedulers' layouts are given by header name or 1-based column
/// number: <c>--csv-columns "scheduled=Publish At,body=Text,link=URL,image=Image"</c>, or a YAML file
/// (<c>columns: { scheduled: Publish At, body: Text }</c>, optional <c>dateFormats: [...]</c>, <c>channel</c>, <c>audience</c>).
/// </summary>
internal sealed class CsvLayout
{
    /// <summary>The draft fields a column can fill.</summary>
    public static readonly string[] Targets = ["scheduled", "body", "link", "image", "title", "channel", "audience", "id", "author"];

    /// <summary>Date formats tried before ISO 8601: Hootsuite's UK order.</summary>
    public static readonly string[] DefaultDateFormats = ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>Target → column: a header name, or a 1-based number.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; private init; } = new Dictionary<string, string>();

    /// <summary>True for the built-in Hootsuite layout (header row optional, detected).</summary>
    public bool IsDefault { get; private init; }

    /// <summary>Date formats tried in order, then ISO 8601.</summary>
    public IReadOnlyList<string> DateFormats { get; private init; } = DefaultDateFormats;

    /// <summary>Channel for every row when no column gives one.</summary>
    public string? Channel { get; private init; }

    /// <summary>Audience for every row when no column gives one.</summary>
    public string? Audience { get; private init; }

    /// <summary>True when any column is named (so the first row is a header).</summary>
    public bool NeedsHeader => Columns.Values.Any(v => !int.TryParse(v, out _));

    public static CsvLayout Hootsuite { get; } = new()
    {
        IsDefault = true,
        Columns = new Dictionary<string, string> { ["scheduled"] = "1", ["body"] = "2", ["link"] = "3", ["image"] = "4" },
    };

    /// <summary>Parses <c>--csv-columns</c>: a spec <c>target=column,...</c> or a YAML file; throws <see cref="CliUsageException"/> when invalid.</summary>
    public static CsvLayout Parse(string spec, Func<string, string> resolve)
    {
        if (spec.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || spec.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return FromYaml(spec, resolve(spec));
        }

        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1)
            {
                throw new CliUsageException($"--csv-columns: '{part}' is not target=column (e.g. body=Text)");
            }

            AddColumn(columns, part[..eq].Trim(), part[(eq + 1)..].Trim(), "--csv-columns");
        }

        return Validate(new CsvLayout { Columns = columns }, "--csv-columns");
    }

    private static CsvLayout FromYaml(string display, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{display}: cannot read the CSV column mapping: {ex.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new CliUsageException($"{display}:{ex.Start.Line}:{ex.Start.Column}: error: invalid YAML in the CSV column mapping");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || root.Children.FirstOrDefault(kv => kv.Key.ToString() == "columns").Value is not YamlMappingNode map)
        {
            throw new CliUsageException($"{display}:1: error: the CSV column mapping needs 'columns: {{ body: <column>, scheduled: <column>, ... }}'");
        }

        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            AddColumn(columns, key.ToString(), value.ToString(), $"{display}:{key.Start.Line}");
        }

        List<string>? formats = null;
        string? channel = null, audience = null;
        foreach (var (key, value) in root.Children)
        {
            switch (key.ToString())
            {
                case "columns":
                    break;
                case "dateFormats" when value is YamlSequenceNode seq:
                    formats = [.. seq.Children.Select(c => c.ToString())];
                    break;
                case "dateFormat":
                    formats = [value.ToString()];
                    break;
                case "channel":
                    channel = value.ToString();
                    break;
                case "audience":
                    audience = value.ToString();
                    break;
                default:
                    throw new CliUsageException($"{display}:{key.Start.Line}:{key.Start.Column}: error: unknown key '{key}' (allowed: columns, dateFormats, dateFormat, channel, audience)");
            }
        }

        return Validate(new CsvLayout { Columns = columns, DateFormats = formats ?? [.. DefaultDateFormats], Channel = channel, Audience = audience }, display);
    }

    private static void AddColumn(Dictionary<string, string> columns, string target, string column, string where)
    {
        if (!Targets.Contains(target))
        {
            throw new CliUsageException($"{where}: unknown CSV target '{target}' (allowed: {string.Join(", ", Targets)})");
        }

        columns[target] = column;
    }

    private static CsvLayout Validate(CsvLayout layout, string where)
    {
        if (!layout.Columns.ContainsKey("body"))
        {
            throw new CliUsageException($"{where}: the CSV layout must say which column is the message (body=COLUMN)");
        }

        if (layout.Columns.Values.Any(v => int.TryParse(v, out int n) && n < 1))
        {
            throw new CliUsageException($"{where}: CSV column numbers start at 1");
        }

        return layout;
    }
}
