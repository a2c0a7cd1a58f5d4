using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PostGuard.Benchmarks;

/// <summary>
/// What every benchmark class shares: the memory diagnoser, the benchmark's category, and the two ratios the project
/// steers by. <c>Ratio</c> is BenchmarkDotNet's ratio to the category's baseline, which is the floor (a read-only
/// vectorised pass over the same text: lower is better); <c>Naive/this</c> is the naive regex-per-term engine's
/// time on the same drafts divided by this benchmark's (higher is better).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(CategoriesColumn.Default, new NaiveRatioColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        HideColumns(Column.Error, Column.StdDev, Column.RatioSD, Column.Gen0, Column.Gen1, Column.Gen2, Column.AllocRatio);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}

/// <summary>
/// <c>Naive/this</c>: the mean of the benchmark named <c>Naive*</c> in the same class, category and parameters,
/// divided by this benchmark's mean. How many times faster than the naive engine this is (higher is better).
/// </summary>
public sealed class NaiveRatioColumn : IColumn
{
    public string Id => nameof(NaiveRatioColumn);

    public string ColumnName => "Naive/this";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Naive regex-per-term engine's mean / this mean, same drafts (higher is better)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var naive = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name.StartsWith("Naive", StringComparison.Ordinal)
            && c.Descriptor.Categories.SequenceEqual(benchmarkCase.Descriptor.Categories)
            && c.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo
            && c.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo);
        double? naiveMean = naive is null ? null : summary[naive]?.ResultStatistics?.Mean;
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (naiveMean is not { } n || mean is not { } m || m <= 0)
        {
            return "-";
        }

        double ratio = n / m;
        return ratio >= 100 ? ratio.ToString("N0", style.CultureInfo) : ratio.ToString("N2", style.CultureInfo);
    }
}
