using System.Text.Json;
using PostGuard.Serialization;

namespace PostGuard.Cli.Input;

/// <summary>
/// Reads drafts from paths: <c>.json</c> (one draft or an array), <c>.jsonl</c> (one per line), <c>.txt</c> (the text
/// is the body), <c>.md</c> (YAML front matter and body, see <see cref="MarkdownDraftReader"/>), <c>.csv</c> (a
/// scheduler's bulk upload, see <see cref="CsvDraftReader"/>), a folder of them (recursively, in name order), or
/// <c>-</c>: JSON or JSONL from standard input.
/// </summary>
internal static class DraftReader
{
    /// <summary>How drafts from standard input are named in reports.</summary>
    public const string StdinName = "<stdin>";

    private static readonly string[] s_extensions = [".json", ".jsonl", ".txt", ".md", ".markdown", ".csv"];

    public static (List<DraftInput> Drafts, List<InputError> Errors) Read(IEnumerable<string> paths, CliContext context, CsvLayout? csvLayout = null)
    {
        var drafts = new List<DraftInput>();
        var errors = new List<InputError>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                ReadStdin(context.Stdin.ReadToEnd(), drafts, errors);
                continue;
            }

            string full = context.Resolve(path);
            if (Directory.Exists(full))
            {
                var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => s_extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    ReadFile(file, context.Display(file), csvLayout, drafts, errors);
                }
            }
            else if (File.Exists(full))
            {
                ReadFile(full, context.Display(full), csvLayout, drafts, errors);
            }
            else
            {
                errors.Add(new InputError(path, 0, "no such file or folder"));
            }
        }

        return (drafts, errors);
    }

    private static void ReadStdin(string text, List<DraftInput> drafts, List<InputError> errors)
    {
        var before = drafts.Count;
        var trimmed = text.AsSpan().TrimStart();
        bool singleDocument = trimmed.StartsWith("[");
        if (!singleDocument)
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
                singleDocument = true;
            }
            catch (JsonException)
            {
            }
        }

        if (singleDocument)
        {
            ReadJson(StdinName, text, "stdin", drafts, errors);
        }
        else
        {
            ReadJsonLines(StdinName, text, "stdin", drafts, errors);
        }

        for (int i = before; i < drafts.Count; i++)
        {
            drafts[i] = drafts[i] with { FromFile = false };
        }
    }

    private static void ReadFile(string file, string display, CsvLayout? csvLayout, List<DraftInput> drafts, List<InputError> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new InputError(display, 0, $"cannot read the file: {ex.Message}"));
            return;
        }

        string defaultId = Path.GetFileNameWithoutExtension(file);
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".json":
                ReadJson(display, text, defaultId, drafts, errors);
                break;
            case ".jsonl":
                ReadJsonLines(display, text, defaultId, drafts, errors);
                break;
            case ".md" or ".markdown":
                MarkdownDraftReader.Read(new SourceText(display, text), defaultId, drafts, errors);
                break;
            case ".csv":
                CsvDraftReader.Read(new SourceText(display, text), csvLayout ?? CsvLayout.Hootsuite, drafts, errors);
                break;
            default:
                drafts.Add(new DraftInput(new Draft { Id = defaultId, Body = text }, display, 1)
                {
                    Fields = new Dictionary<string, FieldSource> { ["body"] = new(new SourceText(display, text), 0) },
                });
                break;
        }
    }

    private static void ReadJson(string file, string text, string defaultId, List<DraftInput> drafts, List<InputError> errors)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    AddElement(file, element, $"{defaultId}[{i}]", 1, drafts, errors, $"item {i}");
                    i++;
                }
            }
            else
            {
                AddElement(file, doc.RootElement, defaultId, 1, drafts, errors, null);
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new InputError(file, (int)(ex.LineNumber ?? 0) + 1, $"invalid JSON: {FirstSentence(ex.Message)}"));
        }
    }

    private static void ReadJsonLines(string file, string text, string defaultId, List<DraftInput> drafts, List<InputError> errors)
    {
        using var reader = new StringReader(text);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                AddElement(file, doc.RootElement, $"{defaultId}:{lineNumber}", lineNumber, drafts, errors, null);
            }
            catch (JsonException ex)
            {
                errors.Add(new InputError(file, lineNumber, $"invalid JSON: {FirstSentence(ex.Message)}"));
            }
        }
    }

    private static void AddElement(string file, JsonElement element, string defaultId, int line, List<DraftInput> drafts, List<InputError> errors, string? where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(file, line, $"{where ?? "the document"} is not a draft object"));
            return;
        }

        try
        {
            var draft = element.Deserialize<Draft>(PostGuardJson.Options);
            if (draft is null || draft.Body is null)
            {
                errors.Add(new InputError(file, line, $"{where ?? "the draft"} has no 'body'"));
                return;
            }

            drafts.Add(new DraftInput(draft.Id is null ? draft with { Id = defaultId } : draft, file, line));
        }
        catch (JsonException ex)
        {
            string message = ex.Message.Contains("required properties", StringComparison.OrdinalIgnoreCase) ? "has no 'body'" : $"is not a valid draft: {FirstSentence(ex.Message)}";
            errors.Add(new InputError(file, line, $"{where ?? "the draft"} {message}"));
        }
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }
}
