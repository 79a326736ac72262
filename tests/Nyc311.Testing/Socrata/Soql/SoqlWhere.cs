namespace Nyc311.Testing.Socrata.Soql;

/// <summary>
/// Compiles the <c>$where</c> subset the loopback server understands: comparisons
/// (<c>= != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>) between fields and literals, <c>IS [NOT] NULL</c>,
/// <c>AND</c>, <c>OR</c>, <c>NOT</c> and parentheses.
/// </summary>
internal sealed class SoqlWhere
{
    private readonly List<SoqlToken> tokens;
    private int next;

    private SoqlWhere(string text) => tokens = SoqlLexer.Tokenize(text);

    public static Func<SocrataTestRecord, bool> Compile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return static _ => true;
        }

        var parser = new SoqlWhere(text);
        var predicate = parser.Or();
        if (parser.Peek.Kind != SoqlTokenKind.End)
        {
            throw new SoqlException($"unexpected '{parser.Peek.Text}' in $where");
        }

        return predicate;
    }

    private SoqlToken Peek => tokens[next];

    private SoqlToken Take() => tokens[next++];

    private Func<SocrataTestRecord, bool> Or()
    {
        var left = And();
        while (Peek.IsKeyword("OR"))
        {
            Take();
            var (a, b) = (left, And());
            left = r => a(r) || b(r);
        }

        return left;
    }

    private Func<SocrataTestRecord, bool> And()
    {
        var left = Not();
        while (Peek.IsKeyword("AND"))
        {
            Take();
            var (a, b) = (left, Not());
            left = r => a(r) && b(r);
        }

        return left;
    }

    private Func<SocrataTestRecord, bool> Not()
    {
        if (!Peek.IsKeyword("NOT"))
        {
            return Primary();
        }

        Take();
        var inner = Not();
        return r => !inner(r);
    }

    private Func<SocrataTestRecord, bool> Primary()
    {
        if (Peek.Kind == SoqlTokenKind.OpenParen)
        {
            Take();
            var inner = Or();
            if (Take().Kind != SoqlTokenKind.CloseParen)
            {
                throw new SoqlException("missing ')' in $where");
            }

            return inner;
        }

        var left = Operand();
        if (Peek.IsKeyword("IS"))
        {
            Take();
            var negated = Peek.IsKeyword("NOT") && Take().Kind == SoqlTokenKind.Identifier;
            if (!Take().IsKeyword("NULL"))
            {
                throw new SoqlException("expected NULL after IS in $where");
            }

            return r => left(r).IsNull != negated;
        }

        var op = Take();
        if (op.Kind != SoqlTokenKind.Operator)
        {
            throw new SoqlException($"expected a comparison operator, found '{op.Text}'");
        }

        var right = Operand();
        Func<int, bool> test = op.Text switch
        {
            "=" => c => c == 0,
            "!=" => c => c != 0,
            "<" => c => c < 0,
            "<=" => c => c <= 0,
            ">" => c => c > 0,
            _ => c => c >= 0,
        };
        return r =>
        {
            var (a, b) = (left(r), right(r));
            return !a.IsNull && !b.IsNull && test(SoqlValue.Compare(a, b));
        };
    }

    private Func<SocrataTestRecord, SoqlValue> Operand()
    {
        var token = Take();
        switch (token.Kind)
        {
            case SoqlTokenKind.String or SoqlTokenKind.Number:
                var literal = SoqlValue.Of(token.Text);
                return _ => literal;
            case SoqlTokenKind.Identifier when token.IsKeyword("NULL"):
                return _ => SoqlValue.Null;
            case SoqlTokenKind.Identifier:
                var field = token.Text;
                return r => r.Value(field);
            default:
                throw new SoqlException($"expected a field or a literal, found '{token.Text}'");
        }
    }
}
