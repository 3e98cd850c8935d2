package dev.jcompose.model.load.dotenv;

import dev.jcompose.model.ComposeException;
import dev.jcompose.model.Mark;
import dev.jcompose.model.load.interpolation.Interpolator;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code .env} files as docker compose (compose-go's dotenv) reads them: {@code KEY=value} or
 * {@code KEY: value}, optional {@code export}, comments ({@code #} lines, and {@code " #"} after an
 * unquoted value), single quotes (literal, may span lines), double quotes (escapes {@code \n},
 * {@code \r}, {@code \"}, {@code \\}, {@code \$}; substitution; may span lines), unquoted values
 * (trimmed; substitution), a bare {@code KEY} line inheriting the variable from {@code lookup}, a
 * leading BOM. Substitution sees the values defined earlier in the file, then {@code lookup};
 * a key's own value is kept even when {@code lookup} knows the name, as in compose-go v2.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** Parses .env text; entries in file order. Errors carry {@code fileName} and the line. */
    public static LinkedHashMap<String, String> parse(String fileName, String text, Function<String, Optional<String>> lookup) {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Parser(fileName, src.replace("\r\n", "\n"), lookup).run();
    }

    /** Reads and parses a file; a missing or unreadable file is a ComposeException naming it and why. */
    public static LinkedHashMap<String, String> read(Path file, Function<String, Optional<String>> lookup) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ComposeException("env file " + file + " not found: no such file or directory");
        } catch (MalformedInputException e) {
            throw new ComposeException("reading env file " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ComposeException("reading env file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text, lookup);
    }

    /** One pass over the text. */
    private static final class Parser {
        private final String file;
        private final String src;
        private final Function<String, Optional<String>> lookup;
        private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
        private int pos;

        Parser(String file, String src, Function<String, Optional<String>> lookup) {
            this.file = file;
            this.src = src;
            this.lookup = lookup;
        }

        LinkedHashMap<String, String> run() {
            while (skipBlankAndComments()) {
                statement();
            }
            return out;
        }

        /** Moves to the next statement; false at the end. */
        private boolean skipBlankAndComments() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    int nl = src.indexOf('\n', pos);
                    pos = nl < 0 ? src.length() : nl + 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        private void statement() {
            int start = pos;
            if (src.startsWith("export", pos) && pos + 6 < src.length() && isSpace(src.charAt(pos + 6))) {
                pos += 6;
                while (pos < src.length() && isSpace(src.charAt(pos))) {
                    pos++;
                }
            }
            int keyStart = pos;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '=' || c == ':' || c == '\n') {
                    break;
                }
                if (!isSpace(c) && c != '_' && c != '.' && !Character.isLetterOrDigit(c)) {
                    throw error(pos, "unexpected character \"" + c + "\" in variable name");
                }
                pos++;
            }
            String key = src.substring(keyStart, pos).strip();
            if (key.isEmpty()) {
                throw error(start, "missing variable name");
            }
            if (key.chars().anyMatch(ch -> isSpace((char) ch))) {
                throw error(keyStart, "variable name \"" + key + "\" cannot contain a space");
            }
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                lookup.apply(key).ifPresent(v -> out.put(key, v));
                return;
            }
            pos++;
            while (pos < src.length() && isSpace(src.charAt(pos))) {
                pos++;
            }
            // compose-go v2 keeps the file's value (v1 let lookup win, so a later --env-file could not override)
            out.put(key, value());
        }

        private String value() {
            if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
                return quoted(src.charAt(pos));
            }
            int nl = src.indexOf('\n', pos);
            int end = nl < 0 ? src.length() : nl;
            String raw = src.substring(pos, end);
            int comment = raw.indexOf(" #");
            if (comment < 0 && raw.startsWith("#")) {
                comment = 0;
            }
            if (comment >= 0) {
                raw = raw.substring(0, comment);
            }
            int valueStart = pos;
            pos = end;
            return substitute(raw.stripTrailing(), valueStart);
        }

        private String quoted(char quote) {
            int open = pos;
            for (int i = pos + 1; i < src.length(); i++) {
                if (src.charAt(i) == quote && src.charAt(i - 1) != '\\') {
                    String inner = src.substring(pos + 1, i);
                    pos = i + 1;
                    int nl = src.indexOf('\n', pos);
                    String rest = src.substring(pos, nl < 0 ? src.length() : nl).strip();
                    if (!rest.isEmpty() && !rest.startsWith("#")) {
                        throw error(pos, "unexpected text after the quoted value: " + rest);
                    }
                    pos = nl < 0 ? src.length() : nl;
                    if (quote == '\'') {
                        return inner.replace("\\'", "'");
                    }
                    return substitute(unescape(inner), open);
                }
            }
            int nl = src.indexOf('\n', open);
            throw error(open, "unterminated quoted value " + src.substring(open, nl < 0 ? src.length() : nl));
        }

        /** Double-quote escapes; {@code \$} stays escaped for the substitution that follows. */
        private static String unescape(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 == s.length()) {
                    sb.append(c);
                    continue;
                }
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case '$' -> sb.append("$$");
                    default -> sb.append(n);
                }
            }
            return sb.toString();
        }

        private String substitute(String value, int at) {
            Interpolator interpolator = new Interpolator(name -> out.containsKey(name) ? Optional.of(out.get(name)) : lookup.apply(name),
                    name -> {
                    });
            return interpolator.substitute(value, markAt(at), null);
        }

        private ComposeException error(int at, String reason) {
            return new ComposeException(markAt(at), null, reason);
        }

        private Mark markAt(int at) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at && i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Mark(file, line, at - lineStart + 1);
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B || c == 0x85 || c == 0xA0;
        }
    }
}
