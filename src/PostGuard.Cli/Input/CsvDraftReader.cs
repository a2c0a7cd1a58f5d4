using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PostGuard.Cli.Input;

/// <summary>
/// Reads a scheduler's bulk-upload CSV (see <see cref="CsvLayout"/>): each row is a draft with id <c>file.csv:LINE</c>,
/// LINE being the file line the row starts on. Quoted cells may span lines; findings in them point at the file's
/// lines and columns. A bad row is an error naming its line; the other rows are still read.
/// </summary>
internal static class CsvDraftReader
{
    public static void Read(SourceText source, CsvLayout layout, List<DraftInput> drafts, List<InputError> errors)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(new StringReader(source.Text), config);
        string fileName = Path.GetFileName(source.Path);
        Dictionary<string, int>? columns = null;
        string[]? header = null;
        int searchFrom = 0;
        while (true)
        {
            bool read;
            try
            {
                read = parser.Read();
            }
            catch (CsvHelperException ex)
            {
                errors.Add(new InputError(source.Path, source.PositionOf(searchFrom).Line, $"invalid CSV: {ex.Message.Split('\n')[0].Trim()}"));
                return;
            }

            if (!read)
            {
                break;
            }

            string raw = parser.RawRecord;
            string[] record = parser.Record ?? [];
            int start = source.Text.IndexOf(raw, searchFrom, StringComparison.Ordinal);
            if (start < 0)
            {
                start = searchFrom;
            }

            searchFrom = start + raw.Length;
            int line = source.PositionOf(start).Line;
            if (columns is null)
            {
                columns = ResolveColumns(layout, record, source.Path, line, errors, out bool isHeader);
                if (columns is null)
                {
                    return;
                }

                if (isHeader)
                {
                    header = record;
                    continue;
                }
            }

            var cells = Cells(raw, start);
            if (ReadRow(source, layout, columns, header, record, cells, fileName, line, errors) is { } draft)
            {
                drafts.Add(draft);
            }
        }
    }

    private static DraftInput? ReadRow(SourceText source, CsvLayout layout, Dictionary<string, int> columns, string[]? header, string[] record,
        List<(int Start, int[]? Map)> cells, string fileName, int line, List<InputError> errors)
    {
        int bodyColumn = columns["body"];
        if (record.Length <= bodyColumn)
        {
            string name = header is not null && bodyColumn < header.Length ? $" ('{header[bodyColumn]}')" : string.Empty;
            errors.Add(new InputError(source.Path, line,
                $"the row has {record.Length} column{(record.Length == 1 ? string.Empty : "s")}; the message is column {bodyColumn + 1}{name}"));
            return null;
        }

        string? Cell(string target) => columns.TryGetValue(target, out int c) && c < record.Length && record[c].Trim().Length > 0 ? record[c].Trim() : null;

        DateTimeOffset? scheduled = null;
        if (Cell("scheduled") is { } when)
        {
            if (!UkTime.TryParse(when, layout.DateFormats, out var parsed))
            {
                int col = columns["scheduled"] < cells.Count ? source.PositionOf(cells[columns["scheduled"]].Start).Column : 0;
                errors.Add(new InputError(source.Path, line, $"'{when}' is not a date and time (expected {layout.DateFormats[0].ToLowerInvariant()} or ISO 8601)", col));
                return null;
            }

            scheduled = parsed;
        }

        var attachments = new List<Attachment>();
        if (Cell("link") is { } link)
        {
            attachments.Add(new Attachment { Kind = "link", FileName = link });
        }

        if (Cell("image") is { } image)
        {
            attachments.Add(new Attachment { Kind = "image", FileName = image });
        }

        var fields = new Dictionary<string, FieldSource>();
        if (bodyColumn < cells.Count)
        {
            fields["body"] = new FieldSource(source, cells[bodyColumn].Start, cells[bodyColumn].Map);
        }

        if (columns.TryGetValue("title", out int titleColumn) && titleColumn < cells.Count)
        {
            fields["title"] = new FieldSource(source, cells[titleColumn].Start, cells[titleColumn].Map);
        }

        var draft = new Draft
        {
            Id = Cell("id") ?? $"{fileName}:{line}",
            Title = Cell("title") is null ? null : record[titleColumn],
            Body = record[bodyColumn],
            Channel = Cell("channel") ?? layout.Channel,
            Audience = Cell("audience") ?? layout.Audience,
            Author = Cell("author"),
            ScheduledFor = scheduled,
            Attachments = attachments,
        };
        return new DraftInput(draft, source.Path, line) { Fields = fields };
    }

    /// <summary>Target → 0-based column; null (with an error) when a named column is missing from the header.</summary>
    private static Dictionary<string, int>? ResolveColumns(CsvLayout layout, string[] first, string file, int line, List<InputError> errors, out bool isHeader)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (layout.IsDefault)
        {
            // Hootsuite's template may or may not start with a header row; a first cell that is not a date is one
            isHeader = first.Length > 0 && !UkTime.TryParse(first[0], layout.DateFormats, out _)
                && first.Any(c => c.Contains("date", StringComparison.OrdinalIgnoreCase) || c.Contains("message", StringComparison.OrdinalIgnoreCase));
            foreach (var (target, column) in layout.Columns)
            {
                result[target] = int.Parse(column, CultureInfo.InvariantCulture) - 1;
            }

            return result;
        }

        isHeader = layout.NeedsHeader;
        var missing = new List<string>();
        foreach (var (target, column) in layout.Columns)
        {
            if (int.TryParse(column, out int number))
            {
                result[target] = number - 1;
                continue;
            }

            int index = Array.FindIndex(first, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                missing.Add($"'{column}' ({target})");
            }
            else
            {
                result[target] = index;
            }
        }

        if (missing.Count > 0)
        {
            errors.Add(new InputError(file, line,
                $"the header has no column {string.Join(", ", missing)}; its columns are {string.Join(", ", first.Select(h => $"'{h.Trim()}'"))}"));
            return null;
        }

        return result;
    }

    /// <summary>Where each cell's text starts in the file, with a per-character map for quoted cells (whose "" is one ").</summary>
    private static List<(int Start, int[]? Map)> Cells(string raw, int offset)
    {
        var cells = new List<(int, int[]?)>();
        int i = 0;
        while (true)
        {
            if (i < raw.Length && raw[i] == '"')
            {
                var map = new List<int>();
                i++;
                while (i < raw.Length)
                {
                    if (raw[i] == '"')
                    {
                        if (i + 1 < raw.Length && raw[i + 1] == '"')
                        {
                            map.Add(offset + i);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    map.Add(offset + i);
                    i++;
                }

                cells.Add((map.Count > 0 ? map[0] : offset + i, [.. map]));
                while (i < raw.Length && raw[i] is not (',' or '\r' or '\n'))
                {
                    i++;
                }
            }
            else
            {
                int s = i;
                while (i < raw.Length && raw[i] is not (',' or '\r' or '\n'))
                {
                    i++;
                }

                cells.Add((offset + s, null));
            }

            if (i < raw.Length && raw[i] == ',')
            {
                i++;
                continue;
            }

            return cells;
        }
    }
}
