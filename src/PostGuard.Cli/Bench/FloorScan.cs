using System.Buffers;

namespace PostGuard.Cli.Bench;

/// <summary>
/// The floor: one vectorised pass over every field of a draft that does nothing useful beyond reading it
/// (<see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, SearchValues{T})"/> for characters that never occur in text).
/// No checker that reads the whole draft can be faster; PostGuard's time divided by this is how far from it it is.
/// </summary>
internal static class FloorScan
{
    // Unicode noncharacters: never in a real draft, so every scan reads to the end.
    private static readonly SearchValues<char> s_never = SearchValues.Create("\uFFFE\uFFFF");

    /// <summary>Reads every field of <paramref name="draft"/>; returns the characters read (so the work cannot be skipped).</summary>
    public static int Scan(Draft draft)
    {
        int read = Scan(draft.Title) + Scan(draft.Body);
        var attachments = draft.Attachments;
        for (int a = 0; a < attachments.Count; a++)
        {
            var attachment = attachments[a];
            read += Scan(attachment.AltText) + Scan(attachment.Caption);
            var tagged = attachment.TaggedPeople;
            for (int t = 0; t < tagged.Count; t++)
            {
                read += Scan(tagged[t]);
            }
        }

        return read;
    }

    /// <summary>Reads <paramref name="text"/>; returns its length (or the index of a character that never occurs).</summary>
    public static int Scan(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        int i = text.AsSpan().IndexOfAny(s_never);
        return i < 0 ? text.Length : i;
    }
}
