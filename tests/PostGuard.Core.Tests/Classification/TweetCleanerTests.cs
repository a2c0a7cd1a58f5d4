using PostGuard.Classification;

namespace PostGuard.Core.Tests.Classification;

public class TweetCleanerTests
{
    [TestCase("RT @Some_One: you are great http://t.co/AbC123", "you are great")]
    [TestCase("@user @user so true URL", "so true")]
    [TestCase("Look at this https://example.com/x?y=1 and www.foo.org", "Look at this and")]
    [TestCase("#MAGA rally &amp; more #Fun", "MAGA rally more Fun")]
    [TestCase("it&#8217;s fine", "it s fine")]
    [TestCase("me&you", "me&you")]
    [TestCase("ARTS and RTE stay", "ARTS and RTE stay")]
    [TestCase("Itâ€™s EspaÃ±a", "It’s España")]
    [TestCase("so funny ðŸ˜‚", "so funny 😂")]
    [TestCase("bad ðŸ\u0081 bytes", "bad bytes")]
    public void Clean_TweetMarkup_Removed(string input, string expected)
    {
        TweetCleaner.Clean(input).Should().Be(expected);
    }

    [Test]
    public void Prepare_UsesTheSkeletonText()
    {
        ToxicityTraining.Prepare("RT @x: You are SOOO stuuupid!!! http://t.co/x").Should().Be("you are so stupid");
    }
}
