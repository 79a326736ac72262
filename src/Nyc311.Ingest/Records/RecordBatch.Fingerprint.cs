using System.Security.Cryptography;
using System.Text;

namespace Nyc311.Ingest;

public sealed partial record RecordBatch
{
    /// <summary>
    /// A deterministic content hash of the batch (lower-case hex SHA-256 over source, dataset,
    /// file, every record's fields and lines, and every rejected row): the same input gives the
    /// same fingerprint, so the bronze sink can derive an idempotent batch id from it. The
    /// sequence, offset, retries and watermark do not take part.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new FingerprintWriter(hash);
        writer.Add(SourceName);
        writer.Add(Dataset);
        writer.Add(SourceFile);
        writer.Add(Records.Count);
        foreach (var record in Records)
        {
            writer.Add(record.SourceLine ?? -1);
            writer.Add(record.Fields.Count);
            foreach (var field in record.Fields)
            {
                writer.Add(field.Key);
                writer.Add(field.Value);
            }
        }

        writer.Add(Rejected.Count);
        foreach (var row in Rejected)
        {
            writer.Add(row.Line);
            writer.Add(row.Reason);
            writer.Add(row.RawText);
        }

        writer.Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Length-prefixed so that ("ab","c") and ("a","bc") hash differently, and null apart from "".
    // Values are gathered in a buffer and hashed in large blocks: hashing field by field costs more than the hash.
    private sealed class FingerprintWriter(IncrementalHash hash)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _used;

        public void Add(long value)
        {
            Reserve(sizeof(long));
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
            _used += sizeof(long);
        }

        public void Add(string? value)
        {
            if (value is null)
            {
                Add(-1);
                return;
            }

            var byteCount = Encoding.UTF8.GetByteCount(value);
            Add(byteCount);
            if (byteCount > _buffer.Length)
            {
                Flush();
                hash.AppendData(Encoding.UTF8.GetBytes(value));
                return;
            }

            Reserve(byteCount);
            _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        }

        public void Flush()
        {
            hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes > _buffer.Length)
            {
                Flush();
            }
        }
    }
}
