using System.Security.Cryptography;
using System.Text;

namespace PostGuard.Moderation;

/// <summary>
/// A hash of the content of every file an engine is built from (rule pack folder, profile, register), so a poll can
/// tell whether anything changed without rebuilding. A missing file or folder hashes differently from an empty one.
/// </summary>
internal static class ConfigurationFingerprint
{
    public static string Compute(PostGuardOptions options)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendFolder(sha, options.RulesPath);
        AppendFile(sha, "profile", options.ProfilePath);
        AppendFile(sha, "register", options.ConsentRegisterPath);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void AppendFolder(IncrementalHash sha, string? folder)
    {
        if (folder is null)
        {
            Append(sha, "rules:(default)");
            return;
        }

        if (!Directory.Exists(folder))
        {
            Append(sha, "rules:(missing)");
            return;
        }

        Append(sha, "rules:");
        try
        {
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                AppendFile(sha, Path.GetRelativePath(folder, file), file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Append(sha, "(unreadable folder)");
        }
    }

    private static void AppendFile(IncrementalHash sha, string label, string? path)
    {
        Append(sha, label);
        if (path is null)
        {
            Append(sha, "(none)");
            return;
        }

        try
        {
            byte[] content = File.ReadAllBytes(path);
            Append(sha, content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sha.AppendData(content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Append(sha, File.Exists(path) ? "(unreadable)" : "(missing)");
        }
    }

    private static void Append(IncrementalHash sha, string text)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(text));
        sha.AppendData([0]);
    }
}
