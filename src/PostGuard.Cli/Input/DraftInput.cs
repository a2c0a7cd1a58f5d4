using System.Text.Json;
using PostGuard.Serialization;

namespace PostGuard.Cli.Input;

/// <summary>A draft read from a file, with where it came from.</summary>
/// <param name="Draft">The draft.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="Line">The line it starts on (JSONL), or 1.</param>
internal sealed record DraftInput(Draft Draft, string File, int Line);

/// <summary>A problem reading one input file or line; the other drafts are still checked.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The line, or 0 when the whole file is unreadable.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record InputError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: error: {Message}" : $"{File}: error: {Message}";
}

/// <summary>
/// Reads drafts from paths: <c>.json</c> (one draft or an array), <c>.jsonl</c> (one per line), <c>.txt</c>/<c>.md</c>
/// (the text is the body), or a folder of them (recursively, in name order).
/// </summary>
internal static class DraftReader
{
    private static readonly string[] s_extensions = [".json", ".jsonl", ".txt", ".md"];

    public static (List<DraftInput> Drafts, List<InputError> Errors) Read(IEnumerable<string> paths)
    {
        var drafts = new List<DraftInput>();
        var errors = new List<InputError>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => s_extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    ReadFile(file, drafts, errors);
                }
            }
            else if (File.Exists(path))
            {
                ReadFile(path, drafts, errors);
            }
            else
            {
                errors.Add(new InputError(path, 0, "no such file or folder"));
            }
        }

        return (drafts, errors);
    }

    private static void ReadFile(string file, List<DraftInput> drafts, List<InputError> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new InputError(file, 0, $"cannot read the file: {ex.Message}"));
            return;
        }

        string defaultId = Path.GetFileNameWithoutExtension(file);
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".json":
                ReadJson(file, text, defaultId, drafts, errors);
                break;
            case ".jsonl":
                ReadJsonLines(file, text, defaultId, drafts, errors);
                break;
            default:
                drafts.Add(new DraftInput(new Draft { Id = defaultId, Body = text }, file, 1));
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
