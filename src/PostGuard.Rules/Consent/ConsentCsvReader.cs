using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PostGuard.Engine;

namespace PostGuard.Rules.Consent;

/// <summary>
/// Reads consent register rows with CsvHelper's RFC 4180 parser and validates them. Every problem is collected
/// with its row (the header is row 1) and column; no message ever contains a value from the file, because a value
/// may be a child's name or UPN (a misaligned row can put a surname in a consent column).
/// </summary>
internal static class ConsentCsvReader
{
    private static readonly string[] s_yes = ["yes", "y", "true", "1"];
    private static readonly string[] s_no = ["no", "n", "false", "0"];

    /// <summary>
    /// Parses <paramref name="csv"/>; returns the pupils, or null when any row is invalid. Each problem is passed to
    /// <paramref name="error"/> with its row (header = 1; 0 when unknown), its 1-based column (0 for the whole row) and a message.
    /// </summary>
    public static List<Pupil>? Read(string csv, ConsentColumnMap columns, Action<int, int, string> error)
    {
        int errors = 0;
        void Error(int row, int column, string message)
        {
            errors++;
            error(row, column, message);
        }

        var pupils = new List<Pupil>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            Delimiter = ",",
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            BadDataFound = args => Error(args.Context.Parser?.Row ?? 0, 0,
                $"row {args.Context.Parser?.Row ?? 0}: a quote inside a field that is not wrapped in quotes, or a quoted field that does not end; quote the whole field and double any quote inside it"),
        };

        try
        {
            using var reader = new StringReader(csv.Length > 0 && csv[0] == '\uFEFF' ? csv[1..] : csv);
            using var parser = new CsvParser(reader, config);
            if (!parser.Read() || parser.Record is not { } header)
            {
                Error(0, 0, "the consent register is empty; expected a header row and one row per pupil");
                return null;
            }

            var index = MapHeader(header, columns, Error);
            if (index is null)
            {
                return null;
            }

            var upns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (parser.Read())
            {
                var record = parser.Record!;
                int row = parser.Row;
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (record.Length != header.Length)
                {
                    Error(row, 0, $"row {row} has {record.Length} fields but the header has {header.Length}; quote any field that contains a comma");
                    continue;
                }

                if (ReadRow(record, row, pupils.Count, index, upns, Error) is { } pupil)
                {
                    pupils.Add(pupil);
                }
            }
        }
        catch (CsvHelperException ex)
        {
            // CsvHelper's own message quotes the raw record, which may hold a child's name: report the row only.
            int row = ex.Context?.Parser?.Row ?? 0;
            Error(row, 0, $"row {row}: the CSV cannot be read past this row ({ex.GetType().Name})");
        }

        return errors > 0 ? null : pupils;
    }

    /// <summary>Where each field is in a row, by the column map.</summary>
    private sealed record ColumnIndex(int Upn, int Forename, int PreferredName, int Surname, int YearGroup, int NameConsent, int PhotoConsent,
        int DoNotPublish, string[] Headers);

    private static ColumnIndex? MapHeader(string[] header, ConsentColumnMap columns, Action<int, int, string> error)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!positions.TryAdd(name, i))
            {
                error(1, i + 1, $"row 1, column {i + 1}: the header '{name}' appears twice (first in column {positions[name] + 1})");
                ok = false;
            }
        }

        int Find(string field, bool required)
        {
            string wanted = columns.HeaderOf(field);
            if (positions.TryGetValue(wanted.Trim(), out int at))
            {
                return at;
            }

            if (required)
            {
                string mapped = string.Equals(wanted, field, StringComparison.Ordinal) ? string.Empty : $" (for '{field}')";
                error(1, 0, $"row 1: missing column '{wanted}'{mapped}; the header has: {string.Join(", ", header.Select(h => h.Trim()))}");
                ok = false;
            }

            return -1;
        }

        var index = new ColumnIndex(
            Find("upn", true), Find("forename", true), Find("preferred_name", false), Find("surname", true), Find("year_group", false),
            Find("name_consent", true), Find("photo_consent", true), Find("do_not_publish", true), [.. header.Select(h => h.Trim())]);
        return ok ? index : null;
    }

    private static Pupil? ReadRow(string[] record, int row, int ordinal, ColumnIndex index, Dictionary<string, int> upns, Action<int, int, string> error)
    {
        bool ok = true;
        void Problem(int column, string problem)
        {
            error(row, column + 1, $"row {row}, column {column + 1} '{index.Headers[column]}': {problem}");
            ok = false;
        }

        string upn = record[index.Upn].Trim();
        if (upn.Length == 0)
        {
            Problem(index.Upn, "empty; every pupil needs a unique pupil number");
        }
        else if (upns.TryGetValue(upn, out int first))
        {
            Problem(index.Upn, $"duplicate pupil number (first on row {first})");
        }
        else
        {
            upns[upn] = row;
        }

        string? forename = Name(record, index.Forename, required: true, Problem);
        string? preferred = index.PreferredName >= 0 ? Name(record, index.PreferredName, required: false, Problem) : null;
        string? surname = Name(record, index.Surname, required: true, Problem);
        bool? nameConsent = YesNo(record, index.NameConsent, Problem);
        bool? photoConsent = YesNo(record, index.PhotoConsent, Problem);
        bool? doNotPublish = YesNo(record, index.DoNotPublish, Problem);
        if (!ok || forename is null || surname is null || nameConsent is null || photoConsent is null || doNotPublish is null)
        {
            return null;
        }

        return new Pupil
        {
            Row = row,
            Ordinal = ordinal,
            Upn = upn,
            Forename = forename,
            PreferredName = preferred is { Length: > 0 } ? preferred : null,
            Surname = surname,
            YearGroup = index.YearGroup >= 0 && record[index.YearGroup].Trim() is { Length: > 0 } year ? year : null,
            NameConsent = nameConsent.Value,
            PhotoConsent = photoConsent.Value,
            DoNotPublish = doNotPublish.Value,
        };
    }

    private static string? Name(string[] record, int column, bool required, Action<int, string> problem)
    {
        string value = string.Join(' ', record[column].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            if (required)
            {
                problem(column, "empty; every pupil needs a forename and a surname");
                return null;
            }

            return string.Empty;
        }

        if (!value.Any(char.IsLetter))
        {
            problem(column, "has no letters; a name needs at least one");
            return null;
        }

        foreach (var part in value.Split([' ', '-', '\'', '\u2019'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > TermIndex.MaxTokenLength)
            {
                problem(column, $"has a word longer than {TermIndex.MaxTokenLength} characters");
                return null;
            }
        }

        return value;
    }

    private static bool? YesNo(string[] record, int column, Action<int, string> problem)
    {
        string value = record[column].Trim();
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var yes in s_yes)
        {
            if (string.Equals(value, yes, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var no in s_no)
        {
            if (string.Equals(value, no, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        problem(column, "must be yes or no (also y/n, true/false, 1/0; empty means no)");
        return null;
    }
}
