using System.Text.RegularExpressions;

namespace PostGuard.Cli.Output;

/// <summary>The text of a draft field by its finding name (<c>title</c>, <c>body</c>, <c>attachments[0].caption</c>, ...).</summary>
internal static partial class FieldTexts
{
    [GeneratedRegex(@"^attachments\[(\d+)\]\.(altText|caption|taggedPeople\[(\d+)\])$")]
    private static partial Regex AttachmentField();

    public static string? Of(Draft draft, string field)
    {
        switch (field)
        {
            case "title":
                return draft.Title;
            case "body":
                return draft.Body;
        }

        var m = AttachmentField().Match(field);
        if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, out int a) || a >= draft.Attachments.Count)
        {
            return null;
        }

        var attachment = draft.Attachments[a];
        return m.Groups[2].Value switch
        {
            "altText" => attachment.AltText,
            "caption" => attachment.Caption,
            _ => int.TryParse(m.Groups[3].ValueSpan, out int t) && t < attachment.TaggedPeople.Count ? attachment.TaggedPeople[t] : null,
        };
    }
}
