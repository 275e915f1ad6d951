package org.licenselifecycle.support.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The words of an OData {@code $filter} as every Graph-shaped list reads them: words, punctuation ({@code ( ) , :}),
 * quoted strings (with {@code ''} for a quote inside) and literals that start with a digit, colons included (a
 * date-time), taken one by one. Each list reads its own properties and
 * operators over these; a clause it cannot read is the list's {@code invalid} refusal (Graph's 400).
 */
public final class FilterTokens {

    private final List<String> tokens;
    private final Supplier<GraphException> invalid;
    private int next;

    private FilterTokens(List<String> tokens, Supplier<GraphException> invalid) {
        this.tokens = tokens;
        this.invalid = invalid;
    }

    /** The tokens of {@code text}; {@code invalid} for an unterminated string or an empty filter. */
    public static FilterTokens of(String text, Supplier<GraphException> invalid) {
        return new FilterTokens(tokenize(text, invalid), invalid);
    }

    /** Whether every token was taken. */
    public boolean done() {
        return next >= tokens.size();
    }

    /** Takes the next token when it is {@code keyword} (any case). */
    public boolean accept(String keyword) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    /** Takes the next token, which must be {@code token}. */
    public void expect(String token) {
        if (!take().equals(token)) {
            throw invalid.get();
        }
    }

    /** Takes the next token. */
    public String take() {
        if (next >= tokens.size()) {
            throw invalid.get();
        }
        return tokens.get(next++);
    }

    /** Takes the next token in lower case (a property or an operator, which OData matches in any case here). */
    public String takeLowerCase() {
        return take().toLowerCase(Locale.ROOT);
    }

    /** An OData string literal's text: {@code 'it''s'} is {@code it's}. */
    public String string(String literal) {
        if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
            throw invalid.get();
        }
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    private static List<String> tokenize(String input, Supplier<GraphException> invalid) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("(),:".indexOf(c) >= 0) {
                result.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= input.length()) {
                        throw invalid.get();
                    }
                    if (input.charAt(end) == '\'') {
                        if (end + 1 < input.length() && input.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                result.add(input.substring(i, end + 1));
                i = end + 1;
            } else {
                // a literal that starts with a digit (a date-time: 2026-11-23T09:00:00Z) keeps its colons
                String stops = Character.isDigit(c) ? "(),'" : "(),:'";
                int end = i;
                while (end < input.length() && !Character.isWhitespace(input.charAt(end))
                        && stops.indexOf(input.charAt(end)) < 0) {
                    end++;
                }
                result.add(input.substring(i, end));
                i = end;
            }
        }
        if (result.isEmpty()) {
            throw invalid.get();
        }
        return result;
    }
}
