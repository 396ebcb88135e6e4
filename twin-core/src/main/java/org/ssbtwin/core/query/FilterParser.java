package org.ssbtwin.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written tokenizer and recursive-descent parser of the search filter language (grammar in docs/SEARCH.md):
 *
 * <pre>
 * filter     := [ or ] EOF
 * or         := and { "or" and }
 * and        := unary { "and" unary }
 * unary      := "not" unary | "(" or ")" | comparison
 * comparison := NAME op literal | NAME [ "not" ] "in" "(" literal { "," literal } ")"
 * op         := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "~"
 * literal    := NUMBER | 'single' or "double" quoted string | true | false | BAREWORD
 *             | ISO date or date-time (2029-03-01, 2029-03-01T06:00:00Z), bare or quoted, for TIME attributes
 * </pre>
 *
 * Keywords are case-insensitive. Attribute names are checked against an {@link AttributeSchema} and literals against
 * the attribute's type, so every mistake is reported with the 0-based position where it was found.
 */
public final class FilterParser {
    private enum T { NAME, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, EOF }

    private record Token(T type, String text, int pos) {
        String describe() {
            return type == T.EOF ? "end of input" : "'" + text + "'";
        }

        boolean keyword(String k) {
            return type == T.NAME && text.equalsIgnoreCase(k);
        }
    }

    private final String text;
    private final AttributeSchema schema;
    private final List<Token> tokens;
    private int i;

    private FilterParser(String text, AttributeSchema schema) {
        this.text = text;
        this.schema = schema;
        this.tokens = tokenize(text);
    }

    /** Parses {@code text}; null or blank is the empty filter that matches everything. */
    public static Filter parse(String text, AttributeSchema schema) {
        if (text == null || text.isBlank()) return new Filter.All();
        FilterParser p = new FilterParser(text, schema);
        Filter f = p.or();
        Token t = p.peek();
        if (t.type != T.EOF) throw new FilterSyntaxException(t.pos, "'and', 'or' or end of input", t.describe());
        return f;
    }

    // ---- tokenizer ----

    private static boolean nameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean namePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int p = 0;
        while (p < n) {
            char c = s.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (c == '(') {
                out.add(new Token(T.LPAREN, "(", p++));
            } else if (c == ')') {
                out.add(new Token(T.RPAREN, ")", p++));
            } else if (c == ',') {
                out.add(new Token(T.COMMA, ",", p++));
            } else if (c == '=' || c == '~') {
                out.add(new Token(T.OP, String.valueOf(c), p++));
            } else if (c == '<' || c == '>') {
                if (p + 1 < n && s.charAt(p + 1) == '=') {
                    out.add(new Token(T.OP, c + "=", p));
                    p += 2;
                } else {
                    out.add(new Token(T.OP, String.valueOf(c), p++));
                }
            } else if (c == '!') {
                if (p + 1 < n && s.charAt(p + 1) == '=') {
                    out.add(new Token(T.OP, "!=", p));
                    p += 2;
                } else {
                    throw new FilterSyntaxException(p, "'!=' (use 'not' for negation)", "'!'");
                }
            } else if (c == '\'' || c == '"') {
                int start = p++;
                StringBuilder b = new StringBuilder();
                boolean closed = false;
                while (p < n) {
                    char d = s.charAt(p);
                    if (d == '\\' && p + 1 < n) {
                        b.append(s.charAt(p + 1));
                        p += 2;
                    } else if (d == c) {
                        p++;
                        closed = true;
                        break;
                    } else {
                        b.append(d);
                        p++;
                    }
                }
                if (!closed) throw new FilterSyntaxException(start, "a closing " + c + " for the string starting here", "end of input");
                out.add(new Token(T.STRING, b.toString(), start));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && p + 1 < n
                    && (Character.isDigit(s.charAt(p + 1)) || s.charAt(p + 1) == '.'))) {
                int start = p++;
                while (p < n && (Character.isDigit(s.charAt(p)) || s.charAt(p) == '.'
                        || s.charAt(p) == 'e' || s.charAt(p) == 'E'
                        || ((s.charAt(p) == '-' || s.charAt(p) == '+') && (s.charAt(p - 1) == 'e' || s.charAt(p - 1) == 'E')))) {
                    p++;
                }
                if (p - start == 4 && p + 2 < n && s.charAt(p) == '-' && Character.isDigit(s.charAt(p + 1)) && Character.isDigit(c)) {
                    // an ISO date or date-time (2029-03-01, 2029-03-01T06:00:00Z): one bareword, read by the literal
                    while (p < n && (namePart(s.charAt(p)) || s.charAt(p) == '+')) p++;
                    out.add(new Token(T.NAME, s.substring(start, p), start));
                } else if (p < n && nameStart(s.charAt(p))) {
                    // e.g. 12abc: not a number; read it as a bareword so the error names the whole word
                    while (p < n && namePart(s.charAt(p))) p++;
                    out.add(new Token(T.NAME, s.substring(start, p), start));
                } else {
                    out.add(new Token(T.NUMBER, s.substring(start, p), start));
                }
            } else if (nameStart(c)) {
                int start = p;
                while (p < n && namePart(s.charAt(p))) p++;
                out.add(new Token(T.NAME, s.substring(start, p), start));
            } else {
                throw new FilterSyntaxException(p, "an attribute, a value, an operator or a parenthesis", "'" + c + "'");
            }
        }
        out.add(new Token(T.EOF, "", n));
        return out;
    }

    // ---- parser ----

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        return tokens.get(i++);
    }

    private Filter or() {
        Filter left = and();
        while (peek().keyword("or")) {
            next();
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (peek().keyword("and")) {
            next();
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        Token t = peek();
        if (t.keyword("not")) {
            next();
            return new Filter.Not(unary());
        }
        if (t.type == T.LPAREN) {
            next();
            Filter inner = or();
            Token close = next();
            if (close.type != T.RPAREN) throw new FilterSyntaxException(close.pos, "')' or 'and'/'or'", close.describe());
            return inner;
        }
        return comparison();
    }

    private Filter comparison() {
        Token nameTok = next();
        if (nameTok.type != T.NAME || isKeyword(nameTok)) {
            throw new FilterSyntaxException(nameTok.pos, "an attribute name, 'not' or '('", nameTok.describe());
        }
        String attribute = schema.canonical(nameTok.text);
        if (attribute == null) {
            throw new FilterSyntaxException(nameTok.pos, "a known attribute (" + String.join(", ", schema.names()) + ")",
                    nameTok.describe());
        }
        AttrType type = schema.type(attribute);
        Token opTok = next();
        boolean negatedIn = false;
        if (opTok.keyword("not") && peek().keyword("in")) {
            negatedIn = true;
            opTok = next();
        }
        if (opTok.keyword("in")) {
            Token open = next();
            if (open.type != T.LPAREN) throw new FilterSyntaxException(open.pos, "'(' after 'in'", open.describe());
            List<Literal> values = new ArrayList<>();
            values.add(literal(attribute, type));
            while (peek().type == T.COMMA) {
                next();
                values.add(literal(attribute, type));
            }
            Token close = next();
            if (close.type != T.RPAREN) throw new FilterSyntaxException(close.pos, "',' or ')'", close.describe());
            Filter in = new Filter.In(attribute, values, nameTok.pos);
            return negatedIn ? new Filter.Not(in) : in;
        }
        if (opTok.type != T.OP) {
            throw new FilterSyntaxException(opTok.pos, "an operator (=, !=, <, <=, >, >=, ~, in) after '" + nameTok.text + "'", opTok.describe());
        }
        Op op = switch (opTok.text) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            case "~" -> Op.PREFIX;
            default -> throw new IllegalStateException(opTok.text);
        };
        if (op == Op.PREFIX && type != AttrType.STRING) {
            throw new FilterSyntaxException(opTok.pos, "=, != or in for " + type.name().toLowerCase(Locale.ROOT) + " attribute '" + attribute + "' ('~' needs a string attribute)", "'~'");
        }
        if (op.ordering() && type == AttrType.BOOLEAN) {
            throw new FilterSyntaxException(opTok.pos, "= or != for boolean attribute '" + attribute + "'", opTok.describe());
        }
        return new Filter.Compare(attribute, op, literal(attribute, type), nameTok.pos);
    }

    private static boolean isKeyword(Token t) {
        return t.keyword("and") || t.keyword("or") || t.keyword("not") || t.keyword("in");
    }

    private Literal literal(String attribute, AttrType type) {
        Token t = next();
        String expected = "a " + type.name().toLowerCase(Locale.ROOT) + " value for '" + attribute + "'";
        switch (t.type) {
            case NUMBER -> {
                if (type == AttrType.NUMBER) {
                    try {
                        double d = Double.parseDouble(t.text);
                        if (!Double.isFinite(d)) throw new NumberFormatException();
                        return new Literal.Num(d, t.pos);
                    } catch (NumberFormatException e) {
                        throw new FilterSyntaxException(t.pos, "a number", t.describe());
                    }
                }
                if (type == AttrType.STRING) return new Literal.Str(t.text, t.pos); // e.g. id~000
                throw new FilterSyntaxException(t.pos, expected, t.describe());
            }
            case STRING -> {
                if (type == AttrType.STRING) return new Literal.Str(t.text, t.pos);
                if (type == AttrType.TIME) return time(t, attribute);
                throw new FilterSyntaxException(t.pos, expected, t.describe());
            }
            case NAME -> {
                if (isKeyword(t)) throw new FilterSyntaxException(t.pos, expected, t.describe());
                if (type == AttrType.TIME) return time(t, attribute);
                boolean bool = t.text.equalsIgnoreCase("true") || t.text.equalsIgnoreCase("false");
                if (type == AttrType.BOOLEAN && bool) return new Literal.Bool(Boolean.parseBoolean(t.text.toLowerCase(Locale.ROOT)), t.pos);
                if (type == AttrType.STRING) return new Literal.Str(t.text, t.pos);
                throw new FilterSyntaxException(t.pos, expected, t.describe());
            }
            default -> throw new FilterSyntaxException(t.pos, expected, t.describe());
        }
    }

    /** An ISO date (midnight UTC) or date-time (with offset or Z; without one: UTC) for a time attribute. */
    private static Literal time(Token t, String attribute) {
        String v = t.text.strip();
        try {
            if (v.length() == 10) return new Literal.Time(java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), t.pos);
            java.time.temporal.TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(v,
                    java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
            java.time.Instant at = parsed instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : ((java.time.LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
            return new Literal.Time(at, t.pos);
        } catch (java.time.DateTimeException e) {
            throw new FilterSyntaxException(t.pos, "an ISO date (2029-03-01) or date-time (2029-03-01T06:00:00Z) for '" + attribute + "'", t.describe());
        }
    }
}
