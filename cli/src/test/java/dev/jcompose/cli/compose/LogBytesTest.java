package dev.jcompose.cli.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-level log path: time stamps parsed from bytes as java.time parses them, lines split and joined across frames and reads. */
class LogBytesTest {
    /** The reference: what the String-based reader did (too short or not date-shaped: none; else java.time's verdict). */
    private static Instant javaTime(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void timeStampsParseAsJavaTimeParsesThem() {
        List<String> stamps = List.of("2026-12-01T10:00:00Z", "2026-12-01T10:00:00.5Z", "2026-12-01T10:00:00.000000001Z",
                "2026-12-01T23:59:59.999999999Z", "2026-12-01T10:00:00.123456789+02:00", "2026-12-01T10:00:00.1-05:30",
                "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-32T00:00:00Z",
                "2026-12-01T24:00:00Z", "2026-12-01T10:60:00Z", "2026-12-01T10:00:00.Z", "2026-12-01T10:00:00.1234567890Z",
                "2026-12-01T10:00:00", "2026-12-01T10:00:00+0200", "2026-12-01T10:00Z", "2026-12-01T10:00+01:00", "1970-01-01T00:00:00Z",
                "2026-12-01T10:00:00.5z", "2026-1a-01T10:00:00Z", "2026-12-01T10:00:00.5+19:00");
        for (String s : stamps) {
            assertEquals(javaTime(s), LogTimeParser.parse(s), s);
        }
    }

    @Test
    void aParserReusesTheSecondItSawAndStillReadsTheNext() {
        LogTimeParser p = new LogTimeParser();
        for (String s : List.of("2026-12-01T10:00:00.1Z", "2026-12-01T10:00:00.2Z", "2026-12-01T10:00:01.3Z", "2026-12-01T10:00:00.4+01:00",
                "2026-12-01T10:00:00.5Z")) {
            byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
            assertEquals(Instant.parse(s.replace("+01:00", "Z")).minusSeconds(s.endsWith("+01:00") ? 3600 : 0), p.parse(b, 2, s.length()), s);
        }
        assertNull(p.parse("not a time stamp at all".getBytes(StandardCharsets.US_ASCII), 0, 22));
    }

    private static byte[] frame(int stream, byte[] payload) {
        var out = new ByteArrayOutputStream();
        out.write(stream);
        out.writeBytes(new byte[] {0, 0, 0, (byte) (payload.length >>> 24), (byte) (payload.length >>> 16), (byte) (payload.length >>> 8),
            (byte) payload.length});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes per read, as a socket does. */
    private static InputStream trickle(byte[] all, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(all)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private record Line(boolean stderr, Instant time, byte[] text) {
    }

    private static List<Line> read(InputStream in) throws IOException {
        List<Line> lines = new ArrayList<>();
        new LogFrameReader((stderr, time, text, off, len) -> lines.add(new Line(stderr, time, java.util.Arrays.copyOfRange(text, off, off + len))),
                () -> { }).read(in);
        return lines;
    }

    @Test
    void manyLinesInFramesLargerThanTheBufferAndReadsOfAnySizeComeOutWhole() throws IOException {
        var stdout = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            stdout.append("2026-12-01T10:00:0").append(i % 10).append('.').append(i + 1).append("Z line ").append(i).append('\n');
        }
        byte[] payload = stdout.toString().getBytes(StandardCharsets.UTF_8);
        var all = new ByteArrayOutputStream();
        all.writeBytes(frame(1, java.util.Arrays.copyOfRange(payload, 0, 100_001)));
        all.writeBytes(frame(2, "2026-12-01T10:00:00Z on stderr\n".getBytes(StandardCharsets.UTF_8)));
        all.writeBytes(frame(1, java.util.Arrays.copyOfRange(payload, 100_001, payload.length)));
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            List<Line> lines = read(trickle(all.toByteArray(), chunk));
            assertEquals(20_001, lines.size(), "chunk " + chunk);
            List<Line> out = lines.stream().filter(l -> !l.stderr()).toList();
            for (int i = 0; i < 20_000; i += 997) {
                assertEquals("line " + i, new String(out.get(i).text(), StandardCharsets.UTF_8));
                assertEquals(Instant.parse("2026-12-01T10:00:0" + (i % 10) + "." + (i + 1) + "Z"), out.get(i).time());
            }
            Line err = lines.stream().filter(Line::stderr).findFirst().orElseThrow();
            assertEquals("on stderr", new String(err.text(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void bytesThatAreNotUtf8PassThroughUnchanged() throws IOException {
        byte[] text = {'2', '0', '2', '6', '-', '1', '2', '-', '0', '1', 'T', '1', '0', ':', '0', '0', ':', '0', '0', 'Z', ' ', (byte) 0xff, (byte) 0xc3, 'x', '\n'};
        List<Line> lines = read(new ByteArrayInputStream(frame(1, text)));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xc3, 'x'}, lines.get(0).text());
    }
}
