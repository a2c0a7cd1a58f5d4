using System.Text;

namespace PostGuard.Cli.Output;

/// <summary>
/// Masks excerpts that are personal data or pupil names (categories confidential and pupil-consent) for logs that
/// may be public: <c>Amelia Smith</c> → <c>Am**** S****</c>, <c>07700 900 123</c> → <c>07*** *** **3</c>. The first
/// word keeps its first two characters, every later word its initial; a number keeps its first two and last digit;
/// a word is never shown whole; spaces and punctuation stay. On in <c>sarif</c> and <c>github</c> output and whenever
/// <c>CI=true</c>; <c>--show-excerpts</c> turns it off.
/// </summary>
internal static class Masking
{
    public static bool Applies(FindingCategory category) => category is FindingCategory.Confidential or FindingCategory.PupilConsent;

    public static string Mask(string text)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        bool firstWord = true;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }

            if (char.IsDigit(text[i]))
            {
                // a number runs across spaces, dashes and dots between digit groups (07700 900 123, 01234-567890)
                int end = i;
                int lastDigit = i;
                while (end < text.Length && (char.IsDigit(text[end]) || (text[end] is ' ' or '-' or '.' && end + 1 < text.Length && char.IsDigit(text[end + 1]))))
                {
                    if (char.IsDigit(text[end]))
                    {
                        lastDigit = end;
                    }

                    end++;
                }

                int digits = 0;
                for (int k = i; k < end; k++)
                {
                    if (!char.IsDigit(text[k]))
                    {
                        sb.Append(text[k]);
                        continue;
                    }

                    digits++;
                    bool keep = (digits <= 2 || k == lastDigit) && CountDigits(text, i, end) > 3;
                    sb.Append(keep ? text[k] : '*');
                }

                i = end;
                firstWord = false;
                continue;
            }

            int wordEnd = i;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            int length = wordEnd - i;
            int keepChars = Math.Min(firstWord ? 2 : 1, length - 1);
            sb.Append(text, i, Math.Max(keepChars, 0)).Append('*', length - Math.Max(keepChars, 0));
            i = wordEnd;
            firstWord = false;
        }

        return sb.ToString();
    }

    private static int CountDigits(string text, int start, int end)
    {
        int n = 0;
        for (int k = start; k < end; k++)
        {
            if (char.IsDigit(text[k]))
            {
                n++;
            }
        }

        return n;
    }
}
