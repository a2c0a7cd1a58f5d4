namespace PostGuard.Rules.Tests.Engine;

public class AllocationTests
{
    [Test]
    public void Evaluate_CleanDraftWarmedUp_AllocatesOnlyItsVerdict()
    {
        var engine = new PostGuardEngineBuilder().UseRulePack(RulePack.LoadDefault()).Build();
        var draft = new Draft
        {
            Id = "clean",
            Title = "Sports day",
            Body = "What a brilliant sports day! Well done to every child in Year 3 and Year 4 for their effort in the relay races, "
                + "and thank you to the PTA for the ice lollies. Photos will follow on the website next week. Reminder: school closes at 1.30pm on Friday.",
            Channel = "facebook",
            Audience = "parents",
        };

        for (int i = 0; i < 50; i++)
        {
            engine.Evaluate(draft);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        const int runs = 200;
        for (int i = 0; i < runs; i++)
        {
            engine.Evaluate(draft);
        }

        long perDraft = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
        perDraft.Should().BeLessThanOrEqualTo(160, "a clean draft allocates only its verdict record");
    }
}
