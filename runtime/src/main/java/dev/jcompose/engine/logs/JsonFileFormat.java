package dev.jcompose.engine.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Docker's json-file log line: {@code {"log":"hello\n","stream":"stdout","time":"2026-11-22T10:00:00.123456789Z"}}.
 * A line that is not such an object (a torn write at a crash) is skipped, never fatal.
 */
public final class JsonFileFormat {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFileFormat() {
    }

    public static Optional<LogEntry> parse(String line) {
        String log = null;
        String stream = "stdout";
        String time = null;
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                switch (field) {
                    case "log" -> log = p.getValueAsString();
                    case "stream" -> stream = p.getValueAsString();
                    case "time" -> time = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            if (log == null || time == null) {
                return Optional.empty();
            }
            return Optional.of(new LogEntry(LogEntry.Stream.parse(stream), TimeFormat.parse(time), log));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The line the shim writes for {@code entry} (used by tests and by the engine's own messages). */
    public static String format(LogEntry entry) {
        StringBuilder sb = new StringBuilder("{\"log\":");
        quote(sb, entry.text());
        sb.append(",\"stream\":\"").append(entry.stream() == LogEntry.Stream.STDERR ? "stderr" : "stdout")
                .append("\",\"time\":\"").append(entry.time()).append("\"}");
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
