using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostGuard.Serialization;

/// <summary>
/// The JSON contract of drafts and verdicts: camelCase names, enums as lower-case kebab strings
/// (<c>approve</c>, <c>personal-schedule</c>), unknown fields ignored, only <c>body</c> required.
/// </summary>
public static class PostGuardJson
{
    /// <summary>Options for reading and writing drafts and verdicts (indented output).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same contract, written on one line (JSONL).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads one draft.</summary>
    /// <exception cref="JsonException">The JSON is not a draft (e.g. <c>body</c> is missing).</exception>
    public static Draft DeserializeDraft(string json)
        => JsonSerializer.Deserialize<Draft>(json, Options) ?? throw new JsonException("expected a draft object, found null");

    /// <summary>Writes a verdict.</summary>
    public static string Serialize(Verdict verdict) => JsonSerializer.Serialize(verdict, Options);
}
