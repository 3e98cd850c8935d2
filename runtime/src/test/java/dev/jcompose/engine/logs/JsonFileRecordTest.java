package dev.jcompose.engine.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-place decoder reads every line as the Jackson-based {@link JsonFileFormat#parse} does, and frames it alike. */
class JsonFileRecordTest {
    /** Lines as the shim writes them (fixed-width time) and as others may (other time forms, field orders, escapes). */
    private static final List<String> LINES = List.of(
            "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-22T10:00:00.123456789Z\"}",
            "{\"log\":\"err \\\"q\\\" \\\\ \\t \\r\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-22T23:59:59.000000001Z\"}",
            "{\"log\":\"ctl \\u0001 \\u001b[31m slash \\/ \\b \\f\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-31T00:00:00.999999999Z\"}",
            "{\"log\":\"utf-8 é ✔ 😀\\n\",\"stream\":\"stdout\",\"time\":\"2024-02-29T12:34:56.000000000Z\"}",
            "{\"log\":\"escaped \\u00e9 \\ud83d\\ude00\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-22T10:00:00.123456789Z\"}",
            "{\"log\":\"no newline\",\"stream\":\"stdout\",\"time\":\"2026-11-22T10:00:00Z\"}",
            "{\"log\":\"short time\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-22T10:00:00.5+01:00\"}",
            "{\"stream\":\"stderr\",\"log\":\"other order\\n\",\"time\":\"2026-11-22T10:00:00.123456789Z\"}",
            "{\"log\":\"\",\"stream\":\"stdout\",\"time\":\"2026-11-22T10:00:00.123456789Z\"}",
            "{\"log\":\"bad date\\n\",\"stream\":\"stdout\",\"time\":\"2026-02-30T10:00:00.123456789Z\"}",
            "{\"log\":\"bad hour\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-22T25:00:00.123456789Z\"}",
            "{\"log\":\"torn",
            "{\"log\":\"torn\",\"stream\":\"stdout\",\"time\":\"2026-11-22T10:00:",
            "not json at all",
            "");

    @Test
    void decodesEveryLineAsTheJacksonParserDoes() {
        JsonFileRecord r = new JsonFileRecord();
        for (String line : LINES) {
            Optional<LogEntry> expected = JsonFileFormat.parse(line);
            // decode from the middle of a larger array, as the reader does from its buffer
            byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
            int len = line.getBytes(StandardCharsets.UTF_8).length;
            boolean ok = r.decode(bytes, 2, len);
            assertEquals(expected.isPresent(), ok, line);
            if (ok) {
                assertEquals(expected.get(), r.toEntry(), line);
                assertEquals(expected.get().time(), r.time(), line);
            }
        }
    }

    @Test
    void framesARecordWithTheSameBytesAsItsEntry() throws Exception {
        JsonFileRecord r = new JsonFileRecord();
        for (boolean multiplexed : new boolean[] {true, false}) {
            for (boolean timestamps : new boolean[] {true, false}) {
                var fromRecords = new ByteArrayOutputStream();
                var fromEntries = new ByteArrayOutputStream();
                StreamFramer a = new StreamFramer(fromRecords, multiplexed, timestamps);
                StreamFramer b = new StreamFramer(fromEntries, multiplexed, timestamps);
                for (String line : LINES) {
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    if (r.decode(bytes, 0, bytes.length)) {
                        a.record(r);
                        b.accept(r.toEntry());
                    }
                }
                a.flush();
                b.flush();
                assertTrue(fromRecords.size() > 0);
                assertArrayEquals(fromEntries.toByteArray(), fromRecords.toByteArray(), "multiplexed " + multiplexed + " timestamps " + timestamps);
            }
        }
    }

    @Test
    void aRecordLargerThanTheFramersBufferGoesOutWhole() throws Exception {
        String big = "x".repeat(600_000) + "\n";
        String line = JsonFileFormat.format(new LogEntry(LogEntry.Stream.STDOUT, Instant.parse("2026-11-22T10:00:00.000000001Z"), big));
        JsonFileRecord r = new JsonFileRecord();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertTrue(r.decode(bytes, 0, bytes.length));
        var out = new ByteArrayOutputStream();
        StreamFramer f = new StreamFramer(out, true, false);
        f.record(r);
        f.record(r);
        f.flush();
        byte[] got = out.toByteArray();
        assertEquals(2 * (8 + big.length()), got.length);
        assertEquals(big, new String(got, 8 + big.length() + 8, big.length(), StandardCharsets.UTF_8));
    }

    @Test
    void timeBoundsCompareWithoutLosingNanoseconds() {
        JsonFileRecord r = new JsonFileRecord();
        byte[] bytes = LINES.get(0).getBytes(StandardCharsets.UTF_8);
        assertTrue(r.decode(bytes, 0, bytes.length));
        Instant t = Instant.parse("2026-11-22T10:00:00.123456789Z");
        assertFalse(r.before(t));
        assertTrue(r.before(t.plusNanos(1)));
        LogQuery from = new LogQuery(true, true, -1, t, null, false);
        LogQuery until = new LogQuery(true, true, -1, null, t, false);
        assertTrue(from.wants(r));
        assertFalse(until.wants(r));
        assertFalse(new LogQuery(false, true, -1, null, null, false).wants(r));
    }
}
