namespace PostGuard.Cli.Input;

/// <summary>A draft read from an input, with where it came from.</summary>
/// <param name="Draft">The draft.</param>
/// <param name="File">The file as shown in reports (relative to the working directory), or <c>&lt;stdin&gt;</c>.</param>
/// <param name="Line">The line the draft starts on (JSONL, CSV), or 1.</param>
internal sealed record DraftInput(Draft Draft, string File, int Line)
{
    /// <summary>False for drafts read from standard input: they have no file to point at.</summary>
    public bool FromFile { get; init; } = true;

    /// <summary>Where each field's text sits in the file (by field name: <c>title</c>, <c>body</c>, <c>attachments[0].caption</c>), when known.</summary>
    public IReadOnlyDictionary<string, FieldSource> Fields { get; init; } = new Dictionary<string, FieldSource>();

    /// <summary>Findings accepted in the draft itself (Markdown front matter <c>postguard: { accept: [...] }</c>).</summary>
    public IReadOnlyList<InlineAcceptance> Accept { get; init; } = [];

    /// <summary>Where a span of a field is in the file: exact when the field's origin is known, otherwise the draft's line.</summary>
    public SourceSpan? Locate(string field, int start, int length)
    {
        if (!FromFile)
        {
            return null;
        }

        return Fields.TryGetValue(field, out var source)
            ? source.Locate(start, length)
            : new SourceSpan(File, Line, 1, Line, 1);
    }
}

/// <summary>A finding accepted in the draft's own front matter.</summary>
/// <param name="RuleId">The rule whose findings in this draft are accepted.</param>
/// <param name="Reason">Why.</param>
/// <param name="By">Who accepted it.</param>
internal sealed record InlineAcceptance(string RuleId, string? Reason, string? By);

/// <summary>A range in a file: 1-based lines and columns (UTF-16 code units); the end column is one past the last character.</summary>
internal sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn);

/// <summary>An input file's text with its line starts, to turn offsets into lines and columns.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The file as shown in reports.</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int i = Array.BinarySearch(_lineStarts, offset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return (i + 1, offset - _lineStarts[i] + 1);
    }

    /// <summary>The offset of a 1-based line and column.</summary>
    public int OffsetOf(int line, int column)
        => Math.Min(Text.Length, _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)] + Math.Max(column, 1) - 1);
}

/// <summary>Where a field's text is in its file: from <paramref name="Offset"/> on verbatim, or character by character through <paramref name="Map"/>.</summary>
/// <param name="Source">The file.</param>
/// <param name="Offset">The file offset of the field's first character.</param>
/// <param name="Map">For text that was unescaped (a quoted CSV cell): the file offset of each field character.</param>
internal sealed record FieldSource(SourceText Source, int Offset, int[]? Map = null)
{
    public int FileOffset(int index)
    {
        if (Map is null)
        {
            return Offset + index;
        }

        if (index < Map.Length)
        {
            return Map[index];
        }

        return Map.Length > 0 ? Map[^1] + 1 + (index - Map.Length) : Offset;
    }

    public SourceSpan Locate(int start, int length)
    {
        var (line, column) = Source.PositionOf(FileOffset(start));
        var (endLine, endColumn) = Source.PositionOf(length > 0 ? FileOffset(start + length - 1) + 1 : FileOffset(start));
        return new SourceSpan(Source.Path, line, column, endLine, endColumn);
    }
}

/// <summary>A problem reading one input file or line; the other drafts are still checked.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The line, or 0 when the whole file is unreadable.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Column">The column, or 0 when unknown.</param>
internal sealed record InputError(string File, int Line, string Message, int Column = 0)
{
    public override string ToString() => Line > 0
        ? $"{File}:{Line}{(Column > 0 ? $":{Column}" : string.Empty)}: error: {Message}"
        : $"{File}: error: {Message}";
}
