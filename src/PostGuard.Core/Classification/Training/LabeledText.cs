namespace PostGuard.Classification;

/// <summary>One row of a toxicity TSV file.</summary>
/// <param name="Label">1 = toxic, 0 = not.</param>
/// <param name="Source">The corpus the row came from (<c>davidson</c>, <c>olid</c>, ...).</param>
/// <param name="Text">The raw text.</param>
/// <param name="Line">The 1-based line number in its file.</param>
internal sealed record LabeledText(int Label, string Source, string Text, int Line);

/// <summary>Reads the toxicity TSV format: header <c>label&lt;TAB&gt;source&lt;TAB&gt;text</c>, split on the first two tabs.</summary>
internal static class ToxicityTsv
{
    /// <summary>The required header line.</summary>
    public const string Header = "label\tsource\ttext";

    /// <summary>Reads a file; throws <see cref="InvalidDataException"/> as <c>path:line: problem</c> on bad input.</summary>
    public static List<LabeledText> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        try
        {
            return Read(reader, path);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8 ({ex.Message})", ex);
        }
    }

    /// <summary>Reads rows from <paramref name="reader"/>; <paramref name="name"/> names the input in errors.</summary>
    public static List<LabeledText> Read(TextReader reader, string name)
    {
        var rows = new List<LabeledText>();
        string? line = reader.ReadLine();
        if (line is null)
        {
            throw new InvalidDataException($"{name}:1: empty file; expected the header '{Header.Replace("\t", "<TAB>", StringComparison.Ordinal)}'.");
        }

        if (line.Length > 0 && line[0] == '\uFEFF')
        {
            line = line[1..];
        }

        if (line != Header)
        {
            throw new InvalidDataException($"{name}:1: expected the header '{Header.Replace("\t", "<TAB>", StringComparison.Ordinal)}', found '{Excerpt(line)}'.");
        }

        int number = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            int tab1 = line.IndexOf('\t', StringComparison.Ordinal);
            int tab2 = tab1 < 0 ? -1 : line.IndexOf('\t', tab1 + 1);
            if (tab2 < 0)
            {
                throw new InvalidDataException($"{name}:{number}: expected 3 tab-separated fields (label, source, text), found '{Excerpt(line)}'.");
            }

            var labelText = line.AsSpan(0, tab1);
            int label = labelText switch
            {
                "0" => 0,
                "1" => 1,
                _ => throw new InvalidDataException($"{name}:{number}: label must be 0 or 1, found '{Excerpt(labelText.ToString())}'."),
            };
            string source = line.Substring(tab1 + 1, tab2 - tab1 - 1);
            if (source.Length == 0)
            {
                throw new InvalidDataException($"{name}:{number}: the source field is empty.");
            }

            string text = line[(tab2 + 1)..];
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidDataException($"{name}:{number}: the text field is empty.");
            }

            rows.Add(new LabeledText(label, source, text, number));
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{name}: no data rows after the header.");
        }

        return rows;
    }

    private static string Excerpt(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
