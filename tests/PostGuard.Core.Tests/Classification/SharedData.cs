namespace PostGuard.Core.Tests.Classification;

/// <summary>Finds the shared training data (<c>shared/data</c>), which is never copied into the repository.</summary>
internal static class SharedData
{
    /// <summary>
    /// The <c>shared/data</c> folder: <c>$PG_SHARED_DIR/data</c> (or <c>$PG_SHARED_DIR</c> itself if it holds the
    /// TSV files), else the first folder named <c>shared/data</c> found walking up from the test assembly directory.
    /// Ignores the test with a clear message when there is none.
    /// </summary>
    public static string DirectoryOrIgnore()
    {
        string? env = Environment.GetEnvironmentVariable("PG_SHARED_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            foreach (string candidate in new[] { Path.Combine(env, "data"), env })
            {
                if (File.Exists(Path.Combine(candidate, "toxicity-dev.tsv")))
                {
                    return candidate;
                }
            }
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "toxicity-dev.tsv")))
            {
                return candidate;
            }
        }

        Assert.Ignore($"../shared/data not found: no folder 'shared/data' with toxicity-dev.tsv above {TestContext.CurrentContext.TestDirectory}, and PG_SHARED_DIR is {(string.IsNullOrEmpty(env) ? "not set" : $"'{env}' without toxicity-dev.tsv")}.");
        return null!;
    }
}
