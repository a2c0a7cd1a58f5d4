using System.Text.Json;
using PostGuard.Rules.Consent;
using PostGuard.Serialization;

namespace PostGuard.Rules.Tests.Hardening;

/// <summary>
/// The engine the hardening suites attack: the default pack, the shipped classifier and the sample consent register,
/// exactly as <c>postguard check --consent samples/consent-register.csv</c> builds it.
/// </summary>
internal static class HardeningEngine
{
    private static readonly Lazy<PostGuardEngine> s_engine = new(() => new PostGuardEngineBuilder()
        .UseConsentRegister(ConsentRegister.Load(Path.Combine(RepoPaths.Samples, "consent-register.csv")))
        .Build());

    public static PostGuardEngine Instance => s_engine.Value;

    /// <summary>The verdict as the JSON contract writes it: two verdicts are the same when these strings are.</summary>
    public static string Json(Verdict verdict) => JsonSerializer.Serialize(verdict, PostGuardJson.Compact);

    /// <summary>The draft's text a finding's <see cref="Finding.Field"/> names, or null for a draft-level finding.</summary>
    public static string? FieldText(Draft draft, string field)
    {
        switch (field)
        {
            case "draft":
                return null;
            case "title":
                return draft.Title;
            case "body":
                return draft.Body;
        }

        // attachments[a].altText | attachments[a].caption | attachments[a].taggedPeople[t]
        if (!field.StartsWith("attachments[", StringComparison.Ordinal))
        {
            throw new FormatException($"unknown field '{field}'");
        }

        int close = field.IndexOf(']', StringComparison.Ordinal);
        int a = int.Parse(field.AsSpan(12, close - 12), System.Globalization.CultureInfo.InvariantCulture);
        var attachment = draft.Attachments[a];
        string rest = field[(close + 2)..];
        if (rest == "altText")
        {
            return attachment.AltText;
        }

        if (rest == "caption")
        {
            return attachment.Caption;
        }

        if (rest.StartsWith("taggedPeople[", StringComparison.Ordinal))
        {
            int t = int.Parse(rest.AsSpan(13, rest.Length - 14), System.Globalization.CultureInfo.InvariantCulture);
            return attachment.TaggedPeople[t];
        }

        throw new FormatException($"unknown field '{field}'");
    }

    /// <summary>Decodes the <c>\uXXXX</c> escapes the case files use for invisible characters.</summary>
    public static string Unescape(string s)
    {
        if (!s.Contains("\\u", StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 5 < s.Length + 0 && s[i + 1] == 'u')
            {
                sb.Append((char)Convert.ToInt32(s.Substring(i + 2, 4), 16));
                i += 5;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }
}
