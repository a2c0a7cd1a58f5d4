using PostGuard.Classification;
using System.Security.Cryptography;

namespace PostGuard.Core.Tests.Classification;

/// <summary>
/// Retraining with the README's command reproduces the shipped model byte for byte. A change to the normaliser or the
/// featurizer that changes what the model sees fails here until the model is retrained and committed with it.
/// </summary>
public class ReproducibilityTests
{
    [Test]
    [Category("Training")]
    public void Train_SharedCorpora_ReproducesTheShippedModelExactly()
    {
        string data = SharedData.DirectoryOrIgnore();
        string output = Path.Combine(Path.GetTempPath(), $"pg-retrain-{Guid.NewGuid():N}.model");
        try
        {
            int code = ToxicityTraining.Train(Path.Combine(data, "toxicity-train.tsv"), Path.Combine(data, "toxicity-dev.tsv"), output, TextWriter.Null);

            code.Should().Be(0);
            using var shipped = typeof(LinearToxicityClassifier).Assembly.GetManifestResourceStream("PostGuard.Classification.Model.toxicity-default.model")!;
            string shippedHash = Convert.ToHexString(SHA256.HashData(shipped));
            string retrainedHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(output)));
            retrainedHash.Should().Be(shippedHash,
                "retrain with 'postguard train' (README, Toxicity classifier) and commit src/PostGuard.Core/Classification/Model/toxicity-default.model");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
