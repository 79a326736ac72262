namespace Nyc311.Testing.Socrata.Soql;

/// <summary>Splits SoQL text into tokens: identifiers (also <c>:system</c> and <c>`quoted`</c>), 'strings', numbers, operators.</summary>
internal static class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string text)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var value = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new SoqlException("unterminated string literal");
                    }

                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                tokens.Add(new(SoqlTokenKind.String, value.ToString()));
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new SoqlException("unterminated quoted identifier");
                }

                tokens.Add(new(SoqlTokenKind.Identifier, text[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsLetter(c) || c is '_' or ':' or '@')
            {
                var start = i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '@' or '*'))
                {
                    i++;
                }

                tokens.Add(new(SoqlTokenKind.Identifier, text[start..i]));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new(SoqlTokenKind.Number, text[start..i]));
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new(c == '(' ? SoqlTokenKind.OpenParen : c == ')' ? SoqlTokenKind.CloseParen : SoqlTokenKind.Comma, c.ToString()));
                i++;
            }
            else if (c == '*')
            {
                tokens.Add(new(SoqlTokenKind.Identifier, "*"));
                i++;
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "!=" or "<>")
                {
                    tokens.Add(new(SoqlTokenKind.Operator, two == "<>" ? "!=" : two));
                    i += 2;
                }
                else if (c is '=' or '<' or '>')
                {
                    tokens.Add(new(SoqlTokenKind.Operator, c.ToString()));
                    i++;
                }
                else
                {
                    throw new SoqlException($"unexpected character '{c}' at position {i}");
                }
            }
        }

        tokens.Add(new(SoqlTokenKind.End, ""));
        return tokens;
    }
}
