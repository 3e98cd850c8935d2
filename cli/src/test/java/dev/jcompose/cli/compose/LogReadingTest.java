package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.UserError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReadingTest {
    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        out.write(stream);
        out.writeBytes(new byte[] {0, 0, 0, (byte) (payload.length >>> 24), (byte) (payload.length >>> 16), (byte) (payload.length >>> 8),
            (byte) payload.length});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static List<LogLine> read(byte[]... frames) throws Exception {
        var all = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            all.writeBytes(f);
        }
        List<LogLine> lines = new ArrayList<>();
        new LogFrameReader(lines::add).read(new ByteArrayInputStream(all.toByteArray()));
        return lines;
    }

    @Test
    void framesBecomeLinesWithTheirStreamAndTimeStamp() throws Exception {
        List<LogLine> lines = read(frame(1, "2026-12-01T10:00:00.000000001Z hello\n"), frame(2, "2026-12-01T10:00:00.5Z oops\n"),
                frame(1, "2026-12-01T10:00:01.000000000Z split "), frame(1, "across frames\n"), frame(1, "2026-12-01T10:00:02.000000000Z no newline"));
        assertEquals(new LogLine(false, Instant.parse("2026-12-01T10:00:00.000000001Z"), "hello"), lines.get(0));
        assertEquals(new LogLine(true, Instant.parse("2026-12-01T10:00:00.5Z"), "oops"), lines.get(1));
        assertEquals("split across frames", lines.get(2).text());
        assertEquals("no newline", lines.get(3).text());
        assertEquals(4, lines.size());
    }

    @Test
    void aTtyContainersRawStreamIsStdoutAndALineWithoutStampKeepsItsText() throws Exception {
        List<LogLine> lines = new ArrayList<>();
        new LogFrameReader(lines::add).read(new ByteArrayInputStream("plain text line\nsecond\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new LogLine(false, null, "plain text line"), new LogLine(false, null, "second")), lines);
        assertNull(LogFrameReader.parseTime("2026-13-45Tnot"));
    }

    @Test
    void aResumedStreamSkipsWhatWasPrintedAndKeepsWhatWasNot() {
        LogCursor cursor = new LogCursor();
        Instant t1 = Instant.parse("2026-12-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-12-01T10:00:01Z");
        Instant t3 = Instant.parse("2026-12-01T10:00:02Z");
        assertEquals(Instant.EPOCH, cursor.resume(Instant.EPOCH), "nothing seen: the fallback");
        assertTrue(cursor.accept(t1));
        assertTrue(cursor.accept(t2));
        assertTrue(cursor.accept(t2), "two lines in the same nanosecond are both printed");
        assertEquals(t2, cursor.resume(null), "the engine is asked from the last time seen, inclusive");
        assertFalse(cursor.accept(t2));
        assertFalse(cursor.accept(t2), "both lines at that time were printed already");
        assertTrue(cursor.accept(t2), "a third line at the same time was not");
        assertTrue(cursor.accept(t3));
        cursor.resume(null);
        assertFalse(cursor.accept(t1), "older lines are skipped");
        assertFalse(cursor.accept(t3));
        assertTrue(cursor.accept(null), "a line without a time cannot be placed: printed");
    }

    @Test
    void timeFlagsAsTheDockerCliReadsThem() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Instant.parse("2026-12-01T11:18:00Z"), TimeArg.parse("--since", "42m", now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-01-02T13:23:37Z"), TimeArg.parse("--since", "2013-01-02T13:23:37Z", now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-01-02T11:23:37Z"), TimeArg.parse("--since", "2013-01-02T13:23:37+02:00", now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-01-02T13:23:37Z"), TimeArg.parse("--since", "2013-01-02T13:23:37", now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2013-01-02T00:00:00Z"), TimeArg.parse("--since", "2013-01-02", now, ZoneOffset.UTC));
        assertEquals(Instant.ofEpochSecond(1700000000, 500_000_000), TimeArg.parse("--since", "1700000000.5", now, ZoneOffset.UTC));
        assertEquals("1700000000.500000000", TimeArg.engineForm(Instant.ofEpochSecond(1700000000, 500_000_000)));
        UserError e = assertThrows(UserError.class, () -> TimeArg.parse("--until", "yesterday", now, ZoneOffset.UTC));
        assertTrue(e.getMessage().startsWith("invalid value \"yesterday\" for flag --until"), e.getMessage());
        assertThrows(UserError.class, () -> new LogOptions(false, "ten", null, null));
        assertEquals("all", new LogOptions(false, "-1", null, null).tail());
    }
}
