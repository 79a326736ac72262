using System.Globalization;

namespace Nyc311.Lake.Schema;

/// <summary>Maps DuckDB type names (as <c>DESCRIBE</c> prints them) to Delta types.</summary>
public static class DuckDbTypes
{
    /// <summary>
    /// The Delta type for a DuckDB type. Plain <c>TIMESTAMP</c> is wall-clock time and maps to
    /// <c>timestamp_ntz</c>; <c>TIMESTAMP WITH TIME ZONE</c> maps to <c>timestamp</c>.
    /// </summary>
    public static DeltaType ToDelta(string duckDbType)
    {
        ArgumentNullException.ThrowIfNull(duckDbType);
        var parser = new Parser(duckDbType);
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length)
            {
                throw Error("unexpected text");
            }
        }

        public DeltaType ParseType()
        {
            SkipSpace();
            DeltaType type;
            var word = ReadWord().ToUpperInvariant();
            switch (word)
            {
                case "STRUCT":
                    type = ParseStruct();
                    break;
                case "MAP":
                    Expect('(');
                    var key = ParseType();
                    Expect(',');
                    var value = ParseType();
                    Expect(')');
                    type = new MapType(key, value);
                    break;
                case "DECIMAL" or "NUMERIC":
                    type = ParseDecimal();
                    break;
                case "TIMESTAMP":
                    SkipSpace();
                    if (TryReadPhrase("WITH TIME ZONE"))
                    {
                        type = DeltaType.Timestamp;
                    }
                    else
                    {
                        type = DeltaType.TimestampNtz;
                    }

                    break;
                default:
                    type = Primitive(word);
                    break;
            }

            SkipSpace();
            while (_pos + 1 < text.Length && text[_pos] == '[' && text[_pos + 1] == ']')
            {
                _pos += 2;
                type = new ArrayType(type);
                SkipSpace();
            }

            return type;
        }

        private StructType ParseStruct()
        {
            Expect('(');
            var fields = new List<StructField>();
            while (true)
            {
                SkipSpace();
                var name = ReadIdentifier();
                var fieldType = ParseType();
                fields.Add(new StructField(name, fieldType));
                SkipSpace();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                Expect(')');
                return new StructType(fields);
            }
        }

        private DecimalType ParseDecimal()
        {
            SkipSpace();
            if (Peek() != '(')
            {
                return new DecimalType(18, 3);
            }

            Expect('(');
            var precision = int.Parse(ReadWord(), CultureInfo.InvariantCulture);
            Expect(',');
            var scale = int.Parse(ReadWord(), CultureInfo.InvariantCulture);
            Expect(')');
            return precision > 38 ? throw Error("decimal precision above 38") : new DecimalType(precision, scale);
        }

        private LakeException Error(string problem) =>
            new LakeException($"cannot map DuckDB type '{text}' to a Delta type: {problem} at position {_pos}");

        private DeltaType Primitive(string word) => word switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "UUID" or "JSON" or "CHAR" or "BPCHAR" => DeltaType.String,
            "BIGINT" or "INT8" or "LONG" or "UINTEGER" => DeltaType.Long,
            "INTEGER" or "INT" or "INT4" or "USMALLINT" => DeltaType.Integer,
            "SMALLINT" or "INT2" or "UTINYINT" => DeltaType.Short,
            "TINYINT" or "INT1" => DeltaType.Byte,
            "DOUBLE" or "FLOAT8" => DeltaType.Double,
            "FLOAT" or "REAL" or "FLOAT4" => DeltaType.Float,
            "BOOLEAN" or "BOOL" => DeltaType.Boolean,
            "BLOB" or "BYTEA" or "VARBINARY" => DeltaType.Binary,
            "DATE" => DeltaType.Date,
            "TIMESTAMPTZ" => DeltaType.Timestamp,
            "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "DATETIME" => DeltaType.TimestampNtz,
            "UBIGINT" => new DecimalType(20, 0),
            "HUGEINT" => new DecimalType(38, 0),
            "NULL" => DeltaType.String,
            _ => throw Error($"no Delta equivalent for '{word}'"),
        };

        private string ReadIdentifier()
        {
            SkipSpace();
            if (Peek() != '"')
            {
                return ReadWord();
            }

            _pos++;
            var builder = new System.Text.StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos++];
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        builder.Append('"');
                        _pos++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }

            throw Error("unterminated quoted identifier");
        }

        private string ReadWord()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return _pos == start ? throw Error("expected a name") : text[start.._pos];
        }

        private bool TryReadPhrase(string phrase)
        {
            var rest = text.AsSpan(_pos);
            if (rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                _pos += phrase.Length;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
