using BenchmarkDotNet.Running;

namespace PostGuard.Benchmarks;

/// <summary>
/// The BenchmarkDotNet suite. Run everything with
/// <c>dotnet run -c Release --project benchmarks/PostGuard.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quicker, less precise run); results go to BenchmarkDotNet.Artifacts/results.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
