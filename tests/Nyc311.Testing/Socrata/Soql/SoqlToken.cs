namespace Nyc311.Testing.Socrata.Soql;

internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

internal readonly record struct SoqlToken(SoqlTokenKind Kind, string Text)
{
    public bool IsKeyword(string keyword) => Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
