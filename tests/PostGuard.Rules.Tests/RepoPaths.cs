namespace PostGuard.Rules.Tests;

/// <summary>Finds files of the repository (rules, samples) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find PostGuard.sln above the test folder");
    }
}
