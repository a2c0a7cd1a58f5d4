namespace PostGuard.Rules.Kinds.Pattern;

/// <summary>Checksums that tell real identifiers from other numbers.</summary>
internal static class Validators
{
    private const string UpnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static bool Check(PatternValidator validator, ReadOnlySpan<char> value) => validator switch
    {
        PatternValidator.None => true,
        PatternValidator.Luhn => Luhn(value),
        PatternValidator.Nhs => Nhs(value),
        PatternValidator.Upn => Upn(value),
        PatternValidator.NationalInsurance => NationalInsurance(value),
        _ => true,
    };

    /// <summary>Luhn checksum over the digits of <paramref name="value"/> (13 to 19 digits).</summary>
    public static bool Luhn(ReadOnlySpan<char> value)
    {
        int sum = 0;
        int count = 0;
        bool doubleIt = false;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            char c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            int d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
            count++;
        }

        return count is >= 13 and <= 19 && sum % 10 == 0;
    }

    /// <summary>NHS number: ten digits, the last a modulus-11 check digit of the first nine (weights 10..2).</summary>
    public static bool Nhs(ReadOnlySpan<char> value)
    {
        Span<int> digits = stackalloc int[10];
        int n = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 10)
                {
                    return false;
                }

                digits[n++] = c - '0';
            }
        }

        if (n != 10)
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        int check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9];
    }

    /// <summary>
    /// Unique Pupil Number: a check letter then twelve digits; the letter is the sum of the digits at positions
    /// 2..13 times their position, modulo 23, in the alphabet without I, O and S.
    /// </summary>
    public static bool Upn(ReadOnlySpan<char> value)
    {
        Span<char> chars = stackalloc char[13];
        int n = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == 13)
                {
                    return false;
                }

                chars[n++] = char.ToUpperInvariant(c);
            }
        }

        if (n != 13 || !char.IsAsciiLetter(chars[0]))
        {
            return false;
        }

        int sum = 0;
        for (int i = 1; i < 13; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                return false;
            }

            sum += (chars[i] - '0') * (i + 1);
        }

        return UpnCheckLetters[sum % 23] == chars[0];
    }

    /// <summary>National Insurance number: two prefix letters (not D, F, I, Q, U, V; second not O; not BG, GB, NK, KN, TN, NT, ZZ), six digits, suffix A–D.</summary>
    public static bool NationalInsurance(ReadOnlySpan<char> value)
    {
        Span<char> chars = stackalloc char[9];
        int n = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == 9)
                {
                    return false;
                }

                chars[n++] = char.ToUpperInvariant(c);
            }
        }

        if (n is not (8 or 9))
        {
            return false;
        }

        char a = chars[0], b = chars[1];

        // QQ is never allocated but is the prefix of the example numbers in HMRC documents: a pasted template is still caught
        bool example = a == 'Q' && b == 'Q';
        if (!char.IsAsciiLetter(a) || !char.IsAsciiLetter(b) || (!example && ("DFIQUV".Contains(a) || "DFIQUVO".Contains(b))))
        {
            return false;
        }

        var prefix = chars[..2];
        if (prefix is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ")
        {
            return false;
        }

        for (int i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                return false;
            }
        }

        return n == 8 || chars[8] is >= 'A' and <= 'D';
    }
}
