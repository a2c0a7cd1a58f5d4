using PostGuard.Rules.Kinds.Pattern;

namespace PostGuard.Rules.Tests.Kinds;

public class ValidatorsTests
{
    [TestCase("4111 1111 1111 1111", true)]
    [TestCase("4111 1111 1111 1112", false)]
    [TestCase("1234", false)]
    public void Luhn_CardNumbers(string value, bool valid) => Validators.Luhn(value).Should().Be(valid);

    [TestCase("943 476 5919", true)]
    [TestCase("401 023 2137", true)]
    [TestCase("943 476 5910", false)]
    public void Nhs_CheckDigit(string value, bool valid) => Validators.Nhs(value).Should().Be(valid);

    [TestCase("QQ 12 34 56 C", true)]
    [TestCase("AB123456C", true)]
    [TestCase("DA123456C", false)]
    [TestCase("GB123456A", false)]
    [TestCase("AB123456E", false)]
    public void NationalInsurance_PrefixAndSuffixRules(string value, bool valid) => Validators.NationalInsurance(value).Should().Be(valid);

    [Test]
    public void Upn_CheckLetterOfGeneratedNumbers_Validates()
    {
        // the check letter is sum(digit[i] * (i + 2)) mod 23 over the 12 digits, in the alphabet without I, O and S
        const string digits = "820200101001";
        int sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i + 2);
        }

        char letter = "ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23];
        Validators.Upn(letter + digits).Should().BeTrue();
        Validators.Upn((letter == 'A' ? 'B' : 'A') + digits).Should().BeFalse();
        Validators.Upn("A12345").Should().BeFalse();
    }
}
