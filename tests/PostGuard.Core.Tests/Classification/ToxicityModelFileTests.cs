using PostGuard.Classification;

namespace PostGuard.Core.Tests.Classification;

public class ToxicityModelFileTests
{
    private static ToxicityModel SmallModel()
    {
        var features = new FeatureSettings { HashBits = 10, CharNgramMin = 3, CharNgramMax = 4 };
        var weights = new float[features.Dimension];
        var rng = new Random(7);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(rng.NextDouble() - 0.5);
        }

        var (q, scale) = ToxicityModel.Quantize(weights);
        return new ToxicityModel
        {
            Features = features,
            ReviewThreshold = 0.4,
            RejectThreshold = 0.8,
            TrainingFingerprint = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
            TrainingDescription = "test model",
            DevMetrics = [new("dev.roc_auc", 0.91), new("dev.review.macro_f1", 0.8)],
            Weights = q,
            Scale = scale,
            Bias = -0.25,
        };
    }

    private static byte[] Bytes(ToxicityModel model)
    {
        using var stream = new MemoryStream();
        ToxicityModelFile.Write(stream, model);
        return stream.ToArray();
    }

    private static Action Reading(byte[] bytes) => () => LinearToxicityClassifier.Load(new MemoryStream(bytes));

    [Test]
    public void Write_ThenRead_RoundTripsEverything()
    {
        var model = SmallModel();
        byte[] bytes = Bytes(model);

        var read = ToxicityModelFile.Read(new MemoryStream(bytes));

        read.Features.Should().Be(model.Features);
        read.ReviewThreshold.Should().Be(0.4);
        read.RejectThreshold.Should().Be(0.8);
        read.TrainingFingerprint.Should().Equal(model.TrainingFingerprint);
        read.TrainingDescription.Should().Be("test model");
        read.DevMetrics.Should().Equal(model.DevMetrics);
        read.Weights.Should().Equal(model.Weights);
        read.Scale.Should().Be(model.Scale);
        read.Bias.Should().Be(-0.25);
        read.Checksum.Should().Equal(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)));
        Bytes(read).Should().Equal(bytes);
    }

    [Test]
    public void Load_RoundTrippedModel_ScoresLikeTheOriginal()
    {
        var model = SmallModel();
        var original = LinearToxicityClassifier.FromModel(model);

        var loaded = LinearToxicityClassifier.Load(new MemoryStream(Bytes(model)));

        loaded.Score("some skeleton text").Should().Be(original.Score("some skeleton text"));
        loaded.ReviewThreshold.Should().Be(0.4);
        loaded.Version.Should().StartWith("postguard-linear/2 (sha256:");
    }

    [Test]
    public void Load_CorruptedByte_ThrowsChecksumMismatch()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[bytes.Length / 2] ^= 0x40;

        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*checksum mismatch*corrupted*");
    }

    [Test]
    public void Load_CorruptedChecksum_ThrowsChecksumMismatch()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[^1] ^= 1;

        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*checksum mismatch*");
    }

    [TestCase(0)]
    [TestCase(5)]
    [TestCase(12)]
    [TestCase(100)]
    [TestCase(-1)]
    public void Load_Truncated_ThrowsTruncated(int keep)
    {
        byte[] full = Bytes(SmallModel());
        byte[] bytes = full[..(keep >= 0 ? keep : full.Length - 1)];

        var thrown = Reading(bytes).Should().Throw<InvalidDataException>().Which;
        thrown.Message.Should().ContainAny("truncated", "only");
    }

    [Test]
    public void Load_WrongMagic_ThrowsNotAModel()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[0] = (byte)'X';

        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("Not a PostGuard toxicity model: wrong magic*");
    }

    [Test]
    public void Load_WrongVersion_ThrowsUnsupportedVersion()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[8] = 3;

        Reading(bytes).Should().Throw<InvalidDataException>()
            .WithMessage("Unsupported toxicity model format version 3: this build reads version 2. Retrain the model*");
    }

    [Test]
    public void Load_Version1Model_ThrowsUnsupportedVersionWithRetrainHint()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[8] = 1;

        Reading(bytes).Should().Throw<InvalidDataException>()
            .WithMessage("Unsupported toxicity model format version 1: this build reads version 2. Version 1 models were trained with other feature hashes and norm; retrain with 'postguard train'*");
    }

    [Test]
    public void Load_TrailingBytes_ThrowsWrongLength()
    {
        byte[] bytes = [.. Bytes(SmallModel()), 0, 0];

        Reading(bytes).Should().Throw<InvalidDataException>().WithMessage("*wrong length*");
    }

    [Test]
    public void LoadFile_Corrupted_MessageNamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pg-{Guid.NewGuid():N}.model");
        byte[] bytes = Bytes(SmallModel());
        bytes[200] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        try
        {
            var act = () => LinearToxicityClassifier.LoadFile(path);

            act.Should().Throw<InvalidDataException>().WithMessage($"{path}: *checksum mismatch*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_EmbeddedDefaultModel_IsSmallAndValid()
    {
        using var stream = typeof(LinearToxicityClassifier).Assembly.GetManifestResourceStream(LinearToxicityClassifier.DefaultModelResource);

        stream.Should().NotBeNull();
        stream!.Length.Should().BeLessThan(8 * 1024 * 1024);
        ToxicityModelFile.Read(stream).Checksum.Should().HaveCount(32);
    }
}
