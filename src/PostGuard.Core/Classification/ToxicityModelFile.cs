using System.Security.Cryptography;
using System.Text;

namespace PostGuard.Classification;

/// <summary>
/// Reads and writes the binary model file (little-endian):
/// <code>
/// magic        8 bytes  "PGTOXLIN"
/// version      uint16   2 (see <see cref="FormatVersion"/>)
/// length       int64    length of the whole file, checksum included
/// features     int32 hashBits, int32 wordNgramMax, int32 charMin, int32 charMax,
///              float32 wordWeight, float32 charWeight, uint32 unigramSeed, uint32 bigramSeed, uint32 charSeed
/// thresholds   float64 review, float64 reject
/// fingerprint  32 bytes SHA-256 of the training inputs
/// training     string (7-bit length-prefixed UTF-8): the training options
/// metrics      int32 count, then count × (string name, float64 value)
/// weights      uint8 encoding (1 = int8 with scale), float32 scale, int32 count (= 2^hashBits), count × int8
/// bias         float64
/// checksum     32 bytes SHA-256 of every preceding byte
/// </code>
/// Every problem with a file surfaces as <see cref="InvalidDataException"/> saying what is wrong.
/// </summary>
internal static class ToxicityModelFile
{
    /// <summary>
    /// The format version this build writes and reads. Version 2 (this one): character n-grams hashed from a rolling
    /// key, bigrams from their words' hashes, and the occurrence norm (see <see cref="SparseDataset.Featurize"/>).
    /// Version 1 had the same layout but other hashes and the exact per-bucket norm, so its weights mean
    /// something else and it is rejected.
    /// </summary>
    public const ushort FormatVersion = 2;

    private const int WeightEncodingInt8 = 1;
    private const int ChecksumLength = 32;
    private const int HeaderLength = 8 + 2 + 8;
    private const long MaxFileLength = 256L * 1024 * 1024;
    private static ReadOnlySpan<byte> Magic => "PGTOXLIN"u8;

    /// <summary>Writes <paramref name="model"/> and returns it with its <see cref="ToxicityModel.Checksum"/> set.</summary>
    public static ToxicityModel Write(Stream stream, ToxicityModel model)
    {
        var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(0L); // length, patched below
            var f = model.Features;
            w.Write(f.HashBits);
            w.Write(f.WordNgramMax);
            w.Write(f.CharNgramMin);
            w.Write(f.CharNgramMax);
            w.Write(f.WordWeight);
            w.Write(f.CharWeight);
            w.Write(f.UnigramSeed);
            w.Write(f.BigramSeed);
            w.Write(f.CharSeed);
            w.Write(model.ReviewThreshold);
            w.Write(model.RejectThreshold);
            if (model.TrainingFingerprint.Length != 32)
            {
                throw new ArgumentException("The training fingerprint must be 32 bytes.", nameof(model));
            }

            w.Write(model.TrainingFingerprint);
            w.Write(model.TrainingDescription);
            w.Write(model.DevMetrics.Count);
            foreach (var kv in model.DevMetrics)
            {
                w.Write(kv.Key);
                w.Write(kv.Value);
            }

            w.Write((byte)WeightEncodingInt8);
            w.Write(model.Scale);
            w.Write(model.Weights.Length);
            w.Write((ReadOnlySpan<byte>)System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Weights.AsSpan()));
            w.Write(model.Bias);
        }

        long total = buffer.Length + ChecksumLength;
        buffer.Position = 10;
        buffer.Write(BitConverter.GetBytes(total));
        byte[] content = buffer.ToArray();
        byte[] checksum = SHA256.HashData(content);
        stream.Write(content);
        stream.Write(checksum);
        return model with { Checksum = checksum };
    }

    /// <summary>Reads a model; throws <see cref="InvalidDataException"/> naming the problem if the file is not a valid model.</summary>
    public static ToxicityModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = ReadAll(stream);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException(bytes.Length < Magic.Length
                ? $"Not a PostGuard toxicity model: the file has only {bytes.Length} bytes (expected the magic 'PGTOXLIN')."
                : "Not a PostGuard toxicity model: wrong magic (expected 'PGTOXLIN').");
        }

        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException($"Toxicity model is truncated: {bytes.Length} bytes, shorter than the {HeaderLength}-byte header.");
        }

        ushort version = BitConverter.ToUInt16(bytes, 8);
        if (version != FormatVersion)
        {
            string hint = version == 1
                ? " Version 1 models were trained with other feature hashes and norm; retrain with 'postguard train' or use a PostGuard version that reads version 1."
                : " Retrain the model or use a matching PostGuard version.";
            throw new InvalidDataException($"Unsupported toxicity model format version {version}: this build reads version {FormatVersion}.{hint}");
        }

        long declared = BitConverter.ToInt64(bytes, 10);
        if (declared != bytes.Length)
        {
            throw new InvalidDataException(declared > bytes.Length
                ? $"Toxicity model is truncated: the header declares {declared} bytes but the file has {bytes.Length}."
                : $"Toxicity model has the wrong length: the header declares {declared} bytes but the file has {bytes.Length}.");
        }

        int contentLength = bytes.Length - ChecksumLength;
        byte[] actual = SHA256.HashData(bytes.AsSpan(0, contentLength));
        if (!actual.AsSpan().SequenceEqual(bytes.AsSpan(contentLength)))
        {
            throw new InvalidDataException("Toxicity model checksum mismatch: the file is corrupted (SHA-256 of its content does not match the stored checksum).");
        }

        try
        {
            return Parse(bytes, contentLength, actual);
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: {ex.Message}", ex);
        }
    }

    private static ToxicityModel Parse(byte[] bytes, int contentLength, byte[] checksum)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, HeaderLength, contentLength - HeaderLength, writable: false), Encoding.UTF8);
        var features = new FeatureSettings
        {
            HashBits = r.ReadInt32(),
            WordNgramMax = r.ReadInt32(),
            CharNgramMin = r.ReadInt32(),
            CharNgramMax = r.ReadInt32(),
            WordWeight = r.ReadSingle(),
            CharWeight = r.ReadSingle(),
            UnigramSeed = r.ReadUInt32(),
            BigramSeed = r.ReadUInt32(),
            CharSeed = r.ReadUInt32(),
        };
        features.Validate();
        double review = r.ReadDouble();
        double reject = r.ReadDouble();
        if (!(review is >= 0 and <= 1) || !(reject is >= 0 and <= 1) || review > reject)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: thresholds must satisfy 0 <= review <= reject <= 1 (found {review}, {reject}).");
        }

        byte[] fingerprint = r.ReadBytes(32);
        string description = r.ReadString();
        int metricCount = r.ReadInt32();
        if (metricCount is < 0 or > 10_000)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: {metricCount} metrics.");
        }

        var metrics = new KeyValuePair<string, double>[metricCount];
        for (int i = 0; i < metricCount; i++)
        {
            string name = r.ReadString();
            metrics[i] = new(name, r.ReadDouble());
        }

        byte encoding = r.ReadByte();
        if (encoding != WeightEncodingInt8)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: unknown weight encoding {encoding} (expected {WeightEncodingInt8}, int8 with scale).");
        }

        float scale = r.ReadSingle();
        int count = r.ReadInt32();
        if (count != features.Dimension)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: {count} weights for {features.Dimension} hash buckets.");
        }

        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: weight scale {scale}.");
        }

        byte[] raw = r.ReadBytes(count);
        if (raw.Length != count)
        {
            throw new EndOfStreamException("the weights end early.");
        }

        var weights = new sbyte[count];
        Buffer.BlockCopy(raw, 0, weights, 0, count);
        double bias = r.ReadDouble();
        if (!double.IsFinite(bias))
        {
            throw new InvalidDataException($"Toxicity model content is invalid: bias {bias}.");
        }

        if (r.BaseStream.Position != r.BaseStream.Length)
        {
            throw new InvalidDataException($"Toxicity model content is invalid: {r.BaseStream.Length - r.BaseStream.Position} unexpected bytes before the checksum.");
        }

        return new ToxicityModel
        {
            Features = features,
            ReviewThreshold = review,
            RejectThreshold = reject,
            TrainingFingerprint = fingerprint,
            TrainingDescription = description,
            DevMetrics = metrics,
            Weights = weights,
            Scale = scale,
            Bias = bias,
            Checksum = checksum,
        };
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxFileLength)
        {
            throw new InvalidDataException($"Not a PostGuard toxicity model: longer than {MaxFileLength} bytes.");
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
