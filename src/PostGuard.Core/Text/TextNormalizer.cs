namespace PostGuard.Text;

/// <summary>Entry points to the normaliser for code that needs a view of a whole string (training, tools).</summary>
internal static class TextNormalizer
{
    [ThreadStatic]
    private static FieldText? t_field;

    /// <summary>The skeleton text of <paramref name="text"/>: exactly what <see cref="Classification.IToxicityClassifier"/> receives from the engine.</summary>
    public static string SkeletonText(string text)
    {
        var field = t_field ??= new FieldText();
        field.Load("text", text);
        return field.SkeletonText.ToString();
    }

    /// <summary>The folded view of <paramref name="text"/> (what pattern rules match).</summary>
    public static string Folded(string text)
    {
        var field = t_field ??= new FieldText();
        field.Load("text", text);
        return field.Folded.ToString();
    }
}
